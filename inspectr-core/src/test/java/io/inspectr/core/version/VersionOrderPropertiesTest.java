package io.inspectr.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The natural order of versions is a total order consistent with equals, in every scheme. */
class VersionOrderPropertiesTest {

  @Property(tries = 3000)
  void antisymmetricAndConsistentWithEquals(
      @ForAll("dockerTags") String a, @ForAll("dockerTags") String b) {
    Optional<Version> x = VersionScheme.docker().parse(a);
    Optional<Version> y = VersionScheme.docker().parse(b);
    if (x.isEmpty() || y.isEmpty()) {
      return;
    }
    int xy = x.get().compareTo(y.get());
    int yx = y.get().compareTo(x.get());

    assertThat(Integer.signum(xy)).isEqualTo(-Integer.signum(yx));
    assertThat(xy == 0).isEqualTo(x.get().equals(y.get()));
  }

  @Property(tries = 2000)
  void transitive(
      @ForAll("dockerTags") String a,
      @ForAll("dockerTags") String b,
      @ForAll("dockerTags") String c) {
    List<Version> vs = new ArrayList<>();
    for (String tag : List.of(a, b, c)) {
      VersionScheme.docker().parse(tag).ifPresent(vs::add);
    }
    if (vs.size() < 3) {
      return;
    }
    Version x = vs.get(0);
    Version y = vs.get(1);
    Version z = vs.get(2);
    if (x.compareTo(y) <= 0 && y.compareTo(z) <= 0) {
      assertThat(x.compareTo(z)).isLessThanOrEqualTo(0);
    }
    if (x.compareVersion(y) <= 0 && y.compareVersion(z) <= 0) {
      assertThat(x.compareVersion(z)).isLessThanOrEqualTo(0);
    }
  }

  @Property(tries = 2000)
  void semverOrderIsTotalToo(@ForAll("semverTags") String a, @ForAll("semverTags") String b) {
    VersionScheme semver = VersionScheme.of("semver");
    Version x = semver.parse(a).orElseThrow();
    Version y = semver.parse(b).orElseThrow();

    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(-Integer.signum(y.compareTo(x)));
    assertThat(x.compareTo(y) == 0).isEqualTo(x.equals(y));
  }

  @Property(tries = 1000)
  void upgradesAreASortedSubsetOfNewerCompatibleTags(
      @ForAll("dockerTags") String running, @ForAll("tagLists") List<String> tags) {
    Upgrades upgrades = UpgradeFinder.find(running, tags, UpgradePolicy.defaults());

    assertThat(tags).containsAll(upgrades.upgrades());
    assertThat(upgrades.upgrades()).doesNotHaveDuplicates();
    Optional<Version> current = VersionScheme.docker().parse(running);
    List<Version> parsed =
        upgrades.upgrades().stream()
            .map(t -> VersionScheme.docker().parse(t).orElseThrow())
            .toList();
    for (int i = 0; i < parsed.size(); i++) {
      assertThat(parsed.get(i).compareVersion(current.orElseThrow())).isPositive();
      assertThat(parsed.get(i).isCompatibleWith(current.get())).isTrue();
      if (i > 0) {
        assertThat(parsed.get(i - 1).compareVersion(parsed.get(i))).isNegative();
      }
    }
  }

  @Provide
  Arbitrary<String> dockerTags() {
    Arbitrary<String> numbers =
        Arbitraries.integers()
            .between(0, 12)
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
    Arbitrary<String> prefix = Arbitraries.of("", "", "v");
    Arbitrary<String> pre = Arbitraries.of("", "", "", "a1", "b2", "rc1", "rc10", "beta");
    Arbitrary<String> suffix = Arbitraries.of("", "", "-alpine", "-slim", "-debian-12-r5");
    return Combinators.combine(prefix, numbers, pre, suffix).as((p, n, r, s) -> p + n + r + s);
  }

  @Provide
  Arbitrary<List<String>> tagLists() {
    return Arbitraries.oneOf(dockerTags(), Arbitraries.of("latest", "5e2f0a1", "stable"))
        .list()
        .ofMaxSize(30);
  }

  @Provide
  Arbitrary<String> semverTags() {
    Arbitrary<String> core =
        Arbitraries.integers()
            .between(0, 3)
            .list()
            .ofSize(3)
            .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
    Arbitrary<String> pre =
        Arbitraries.of("", "-alpha", "-alpha.1", "-beta.2", "-beta.11", "-rc.1", "-1");
    Arbitrary<String> build = Arbitraries.of("", "", "+b1", "+b2");
    return Combinators.combine(Arbitraries.of("", "v"), core, pre, build)
        .as((v, c, p, b) -> v + c + p + b);
  }
}
