package io.inspectr.k8s;

import io.inspectr.core.result.RunningContainer;

/**
 * Hears about running containers as a {@link KubernetesSource} sees them come, change and go. A
 * container is identified by cluster, namespace, pod, name and whether it is an init container; an
 * update carries the same identity with another image, digest, workload or policy.
 *
 * <p>Calls come from the source's watch threads, one at a time per source, in the order the API
 * server reported the changes. Implementations must return quickly (hand work to another thread)
 * and must not throw; an exception is logged and the source goes on.
 *
 * @since 0.1
 */
public interface ContainerListener {

  /**
   * A container appeared: a new pod, or a pod that now passes the filters.
   *
   * @param container never {@code null}
   */
  void added(RunningContainer container);

  /**
   * A container changed: its image, running digest, workload or policy.
   *
   * @param before the container as last reported
   * @param after the container now
   */
  void updated(RunningContainer before, RunningContainer after);

  /**
   * A container went away: its pod was deleted, finished (Succeeded or Failed), or no longer passes
   * the filters.
   *
   * @param container the container as last reported
   */
  void removed(RunningContainer container);

  /**
   * The source has read the whole pod list once; {@link KubernetesSource#snapshot()} is complete
   * from now on. Called once per source.
   */
  default void synced() {}
}
