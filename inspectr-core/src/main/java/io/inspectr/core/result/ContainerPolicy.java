package io.inspectr.core.result;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Repository;
import io.inspectr.core.version.UpgradePolicy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How inspectr treats one container, usually read from the {@code inspectr.io/*} annotations of its
 * pod.
 *
 * @param ignored whether the container is left out of scans ({@code inspectr.io/ignore})
 * @param upgradePolicy what counts as an upgrade
 * @param lookupRepository the repository to look tags up in instead of the running one (a mirror's
 *     upstream, {@code inspectr.io/lookup-image}); {@code null} to use the running one
 * @param warnings problems found while reading the policy (a bad annotation value), reported on the
 *     workload; the scan goes on with the defaults for the bad parts
 * @since 0.1
 */
public record ContainerPolicy(
    boolean ignored,
    UpgradePolicy upgradePolicy,
    @Nullable Repository lookupRepository,
    List<String> warnings) {

  private static final ContainerPolicy DEFAULTS =
      new ContainerPolicy(false, UpgradePolicy.defaults(), null, List.of());

  /** Checks and copies the parts. */
  public ContainerPolicy {
    requireNonNull(upgradePolicy, "upgradePolicy");
    warnings = List.copyOf(requireNonNull(warnings, "warnings"));
  }

  /**
   * The default: watched, default upgrade policy, no lookup override, no warnings.
   *
   * @return never {@code null}
   */
  public static ContainerPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A watched container with the given upgrade policy.
   *
   * @param upgradePolicy never {@code null}
   * @return never {@code null}
   */
  public static ContainerPolicy of(UpgradePolicy upgradePolicy) {
    return new ContainerPolicy(false, upgradePolicy, null, List.of());
  }
}
