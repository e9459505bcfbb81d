package io.inspectr.core.result;

import static java.util.Objects.requireNonNull;

/**
 * The top owner of a pod: the thing people deploy and name in alerts. {@code Deployment} (through
 * its ReplicaSet), {@code StatefulSet}, {@code DaemonSet}, {@code CronJob} (through its Job), or
 * {@code Pod} for a bare pod. Sources other than Kubernetes use their own kinds.
 *
 * @param kind the owner's kind as Kubernetes spells it, e.g. {@code Deployment}
 * @param name the owner's name
 * @since 0.1
 */
public record Workload(String kind, String name) {
  /** The kind of a pod without a controller. */
  public static final String POD = "Pod";

  /** Checks that both parts are present. */
  public Workload {
    requireNonNull(kind, "kind");
    requireNonNull(name, "name");
    if (kind.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException(
          "A workload needs a kind and a name, got kind \"" + kind + "\" name \"" + name + "\"");
    }
  }

  /** {@code kind/name}, e.g. {@code Deployment/web}. */
  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
