package io.inspectr.core.benchmark;

import io.inspectr.core.version.UpgradeFinder;
import io.inspectr.core.version.UpgradePolicy;
import io.inspectr.core.version.Upgrades;
import io.inspectr.core.version.VersionScheme;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Upgrade selection for one running tag against 10,000 realistic tags, on one thread. Each
 * invocation processes {@value #TAGS} tags, so the reported throughput is tags per second. Budget
 * (DESIGN.md): at least 1,000,000 tags/s on one core.
 *
 * <p>Run: {@code scripts/bench-upgrade-selection.sh} (see docs/PERFORMANCE.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class UpgradeSelectionBenchmark {
  static final int TAGS = 10_000;

  @Param({"1.25.3-alpine", "16.1", "2.4.7.1"})
  public String running;

  private List<String> tags;
  private UpgradePolicy docker;
  private UpgradePolicy regex;

  @Setup
  public void setUp() {
    tags = RealisticTags.generate(TAGS, 42);
    docker = UpgradePolicy.defaults();
    regex =
        UpgradePolicy.defaults()
            .withScheme(
                VersionScheme.of(
                    "regex:^v?(?<major>\\d+)\\.(?<minor>\\d+)(?:\\.(?<patch>\\d+))?(?:\\.(?<build>\\d+))?"
                        + "(?<prerelease>(?:rc|b)\\d+)?(?:-(?<compatibility>.+))?$"));
  }

  /** The default scheme, the path every scan takes. */
  @Benchmark
  @OperationsPerInvocation(TAGS)
  public Upgrades dockerScheme() {
    return UpgradeFinder.find(running, tags, docker);
  }

  /** A regular-expression scheme, for comparison: the slowest scheme a policy can choose. */
  @Benchmark
  @OperationsPerInvocation(TAGS)
  public Upgrades regexScheme() {
    return UpgradeFinder.find(running, tags, regex);
  }
}
