package io.inspectr.core.result;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Repository;
import java.util.List;

/**
 * What a result is unique by: cluster, namespace, workload, container and image repository. Alert
 * state, JIRA issues and deduplication all hang off this key; it does not change when pods restart
 * or a new version is deployed.
 *
 * @param cluster the cluster name
 * @param namespace the namespace
 * @param workload the top owner of the pods
 * @param container the container name
 * @param repository the image repository the container runs
 * @since 0.1
 */
public record ResultKey(
    String cluster, String namespace, Workload workload, String container, Repository repository) {

  private static final char SEPARATOR = '|';

  /** Checks that every part is present. */
  public ResultKey {
    requireNonNull(cluster, "cluster");
    requireNonNull(namespace, "namespace");
    requireNonNull(workload, "workload");
    requireNonNull(container, "container");
    requireNonNull(repository, "repository");
    if (cluster.isEmpty() || container.isEmpty()) {
      throw new IllegalArgumentException(
          "A result key needs a cluster and a container name, got cluster \""
              + cluster
              + "\" container \""
              + container
              + "\"");
    }
  }

  /**
   * A compact, stable text form for state stores: the parts, percent-encoded, joined by {@code |}.
   * {@link #parse} reads it back.
   *
   * @return never {@code null}
   */
  public String asString() {
    StringBuilder out = new StringBuilder(96);
    for (String part :
        List.of(
            cluster,
            namespace,
            workload.kind(),
            workload.name(),
            container,
            repository.toString())) {
      if (out.length() > 0) {
        out.append(SEPARATOR);
      }
      out.append(encode(part));
    }
    return out.toString();
  }

  /**
   * Reads {@link #asString()} back.
   *
   * @param text never {@code null}
   * @return the key
   * @throws IllegalArgumentException when {@code text} is not a result key, naming it
   */
  public static ResultKey parse(String text) {
    String[] parts = text.split("\\|", -1);
    if (parts.length != 6) {
      throw new IllegalArgumentException(
          "Not a result key (cluster|namespace|kind|name|container|repository): \"" + text + "\"");
    }
    try {
      return new ResultKey(
          decode(parts[0]),
          decode(parts[1]),
          new Workload(decode(parts[2]), decode(parts[3])),
          decode(parts[4]),
          Repository.parse(decode(parts[5])));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Not a result key: \"" + text + "\": " + e.getMessage(), e);
    }
  }

  private static String encode(String part) {
    // Only the separator and the escape character need escaping; keep the rest readable.
    if (part.indexOf(SEPARATOR) < 0 && part.indexOf('%') < 0) {
      return part;
    }
    return part.replace("%", "%25").replace("|", "%7C");
  }

  private static String decode(String part) {
    // The exact inverse of encode: every '%' in encoded text starts "%25" or "%7C".
    return part.indexOf('%') < 0 ? part : part.replace("%7C", "|").replace("%25", "%");
  }

  /** Readable form: {@code cluster/namespace/Kind/name/container (repository)}. */
  @Override
  public String toString() {
    return cluster + "/" + namespace + "/" + workload + "/" + container + " (" + repository + ")";
  }
}
