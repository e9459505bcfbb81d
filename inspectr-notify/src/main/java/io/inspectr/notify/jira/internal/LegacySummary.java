package io.inspectr.notify.jira.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.ImageReference;
import io.inspectr.core.image.InvalidImageReferenceException;
import io.inspectr.core.image.Repository;
import io.inspectr.core.result.ResultKey;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The summary the original Go tool gave its issues, {@code inspectr upgrade [image]: nginx
 * [project]: my-gce-project [cluster]: prod [pod]: web [container]: nginx}, read exactly so that
 * its issues are adopted instead of duplicated. Its pod part is the pod name without its last two
 * segments, which is the Deployment's name.
 *
 * @param image the image name, without tag
 * @param project the GCE project ({@code UNK} outside GCE)
 * @param cluster the cluster ({@code UNK} outside GCE)
 * @param pod the pod name's base
 * @param container the container
 */
public record LegacySummary(
    String image, String project, String cluster, String pod, String container) {

  /** The words every such summary starts with. */
  public static final String PREFIX = "inspectr upgrade";

  private static final Pattern FORMAT =
      Pattern.compile(
          "inspectr upgrade \\[image\\]: (.*) \\[project\\]: (.*) \\[cluster\\]: (.*)"
              + " \\[pod\\]: (.*) \\[container\\]: (.*)");

  /** Checks the parts. */
  public LegacySummary {
    requireNonNull(image, "image");
    requireNonNull(project, "project");
    requireNonNull(cluster, "cluster");
    requireNonNull(pod, "pod");
    requireNonNull(container, "container");
  }

  /**
   * Reads a summary.
   *
   * @param summary any summary
   * @return the parts, or empty when it is not in the original tool's format
   */
  public static Optional<LegacySummary> parse(String summary) {
    Matcher m = FORMAT.matcher(summary.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new LegacySummary(
            m.group(1).strip(),
            m.group(2).strip(),
            m.group(3).strip(),
            m.group(4).strip(),
            m.group(5).strip()));
  }

  /**
   * Whether the original tool wrote this summary for the same container as a result key. The
   * original knew no namespace, so one of its issues may stand for the same workload in several
   * namespaces.
   *
   * @param key the result key
   * @param legacyCluster the cluster name the original tool used, when it differs, or {@code null}
   * @return {@code true} when image, cluster, workload and container match
   */
  public boolean matches(ResultKey key, @Nullable String legacyCluster) {
    boolean cluster =
        this.cluster.equals(key.cluster())
            || (legacyCluster != null && this.cluster.equals(legacyCluster));
    return cluster
        && pod.equals(key.workload().name())
        && container.equals(key.container())
        && repository().map(key.repository()::equals).orElse(false);
  }

  private Optional<Repository> repository() {
    try {
      return Optional.of(ImageReference.parse(image).repository());
    } catch (InvalidImageReferenceException e) {
      return Optional.empty();
    }
  }

  /** The summary as the original tool wrote it. */
  @Override
  public String toString() {
    return PREFIX
        + " [image]: "
        + image
        + " [project]: "
        + project
        + " [cluster]: "
        + cluster
        + " [pod]: "
        + pod
        + " [container]: "
        + container;
  }
}
