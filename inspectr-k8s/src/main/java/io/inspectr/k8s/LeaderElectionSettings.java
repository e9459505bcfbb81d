package io.inspectr.k8s;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.k8s.internal.Environment;
import java.time.Duration;
import java.util.UUID;

/**
 * How replicas elect the one that notifies: a {@code coordination.k8s.io/v1} Lease, who this
 * replica is, and the timings. Read from {@code inspectr.kubernetes.leader-election}.
 *
 * <p>Timings follow the client's rule {@code leaseDuration > renewDeadline > retryPeriod > 0}: a
 * leader that cannot renew within {@code renewDeadline} steps down, and another replica takes over
 * once {@code leaseDuration} has passed without a renewal.
 *
 * @param leaseNamespace the Lease's namespace
 * @param leaseName the Lease's name
 * @param identity this replica's identity, the pod name inside a cluster
 * @param leaseDuration how long a lease lasts without renewal
 * @param renewDeadline how long the leader keeps trying to renew before it steps down
 * @param retryPeriod how often replicas try to acquire or renew
 * @since 0.1
 */
public record LeaderElectionSettings(
    String leaseNamespace,
    String leaseName,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  /** Default {@link #leaseName()}. */
  public static final String DEFAULT_LEASE_NAME = "inspectr-leader";

  /** Default {@link #leaseDuration()}. */
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);

  /** Default {@link #renewDeadline()}. */
  public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);

  /** Default {@link #retryPeriod()}. */
  public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);

  /** Where the settings live in configuration. */
  public static final String PREFIX = KubernetesSettings.PREFIX + ".leader-election";

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when a name is blank or the timings break {@code leaseDuration
   *     > renewDeadline > retryPeriod > 0}
   */
  public LeaderElectionSettings {
    requireNonNull(leaseNamespace, "leaseNamespace");
    requireNonNull(leaseName, "leaseName");
    requireNonNull(identity, "identity");
    requireNonNull(leaseDuration, "leaseDuration");
    requireNonNull(renewDeadline, "renewDeadline");
    requireNonNull(retryPeriod, "retryPeriod");
    if (leaseNamespace.isBlank() || leaseName.isBlank() || identity.isBlank()) {
      throw new IllegalArgumentException(
          "Leader election needs a lease namespace, name and identity");
    }
    String timings = timingProblem(leaseDuration, renewDeadline, retryPeriod);
    if (timings != null) {
      throw new IllegalArgumentException(timings);
    }
  }

  /**
   * The defaults for a replica: the lease {@code inspectr-leader} in the given namespace, 15 s / 10
   * s / 2 s.
   *
   * @param leaseNamespace where the Lease lives
   * @param identity this replica's identity
   * @return never {@code null}
   */
  public static LeaderElectionSettings of(String leaseNamespace, String identity) {
    return new LeaderElectionSettings(
        leaseNamespace,
        DEFAULT_LEASE_NAME,
        identity,
        DEFAULT_LEASE_DURATION,
        DEFAULT_RENEW_DEADLINE,
        DEFAULT_RETRY_PERIOD);
  }

  /**
   * This replica with other timings.
   *
   * @param lease how long a lease lasts
   * @param renew how long the leader tries to renew
   * @param retry how often to try
   * @return new settings
   * @throws IllegalArgumentException when the timings break the rule
   */
  public LeaderElectionSettings withTimings(Duration lease, Duration renew, Duration retry) {
    return new LeaderElectionSettings(leaseNamespace, leaseName, identity, lease, renew, retry);
  }

  /**
   * Reads {@code lease-name}, {@code lease-namespace} (default: the pod's own), {@code identity}
   * (default: the pod name from {@code POD_NAME}, or inside a pod {@code HOSTNAME}, else a random
   * id), {@code lease-duration}, {@code renew-deadline} and {@code retry-period}.
   *
   * @param config the {@code inspectr.kubernetes.leader-election} configuration
   * @return the settings
   * @throws io.inspectr.core.config.InvalidConfigurationException listing every problem
   */
  public static LeaderElectionSettings fromConfig(PluginConfig config) {
    return fromConfig(config, Environment.system());
  }

  static LeaderElectionSettings fromConfig(PluginConfig config, Environment env) {
    ConfigReader read = new ConfigReader(config);
    String name = read.optional("lease-name").orElse(DEFAULT_LEASE_NAME);
    String namespace = read.optional("lease-namespace").orElseGet(env::ownNamespace);
    // Outside a pod there is no pod name, and the host name is shared by every process on the
    // machine: a random identity keeps two local instances from both leading.
    String identity =
        read.optional("identity")
            .or(env::podName)
            .orElseGet(() -> "inspectr-" + UUID.randomUUID().toString().substring(0, 8));
    Duration lease = read.duration("lease-duration", DEFAULT_LEASE_DURATION);
    Duration renew = read.duration("renew-deadline", DEFAULT_RENEW_DEADLINE);
    Duration retry = read.duration("retry-period", DEFAULT_RETRY_PERIOD);
    String timings = timingProblem(lease, renew, retry);
    if (timings != null) {
      read.problem("lease-duration", lease + "/" + renew + "/" + retry, timings);
    }
    read.validate();
    return new LeaderElectionSettings(namespace, name, identity, lease, renew, retry);
  }

  private static @org.jspecify.annotations.Nullable String timingProblem(
      Duration lease, Duration renew, Duration retry) {
    if (retry.isZero()
        || retry.isNegative()
        || renew.compareTo(retry) <= 0
        || lease.compareTo(renew) <= 0) {
      return "the timings must satisfy lease-duration > renew-deadline > retry-period > 0, got "
          + lease
          + " > "
          + renew
          + " > "
          + retry;
    }
    return null;
  }
}
