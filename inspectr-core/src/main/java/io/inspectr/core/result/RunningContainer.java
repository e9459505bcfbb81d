package io.inspectr.core.result;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Digest;
import io.inspectr.core.image.ImageReference;
import io.inspectr.core.image.Repository;
import org.jspecify.annotations.Nullable;

/**
 * One container (or init container) of one running pod, as a source discovered it: the input of a
 * scan.
 *
 * @param cluster the cluster name
 * @param namespace the namespace
 * @param workload the pod's top owner
 * @param pod the pod name
 * @param container the container name
 * @param init whether it is an init container
 * @param image the image reference from the pod spec
 * @param runningDigest the digest that actually runs, from the container status; {@code null} when
 *     unknown (not yet pulled, or a locally loaded image)
 * @param policy how to treat the container
 * @since 0.1
 */
public record RunningContainer(
    String cluster,
    String namespace,
    Workload workload,
    String pod,
    String container,
    boolean init,
    ImageReference image,
    @Nullable Digest runningDigest,
    ContainerPolicy policy) {

  /** Checks the required parts. */
  public RunningContainer {
    requireNonNull(cluster, "cluster");
    requireNonNull(namespace, "namespace");
    requireNonNull(workload, "workload");
    requireNonNull(pod, "pod");
    requireNonNull(container, "container");
    requireNonNull(image, "image");
    requireNonNull(policy, "policy");
  }

  /**
   * The key of the result this container contributes to.
   *
   * @return never {@code null}
   */
  public ResultKey resultKey() {
    return new ResultKey(cluster, namespace, workload, container, image.repository());
  }

  /**
   * The repository whose tags decide the upgrades: the lookup override, or the running one.
   *
   * @return never {@code null}
   */
  public Repository lookupRepository() {
    Repository override = policy.lookupRepository();
    return override != null ? override : image.repository();
  }
}
