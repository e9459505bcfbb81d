package io.inspectr.core.version;

import static io.inspectr.core.testing.Gen.list;
import static io.inspectr.core.testing.Gen.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.testing.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The natural order of versions is a total order consistent with equals, in every scheme. */
class VersionOrderPropertiesTest {
  private static final VersionScheme DOCKER = VersionScheme.docker();
  private static final VersionScheme SEMVER = VersionScheme.of("semver");

  @Test
  void dockerOrderIsAntisymmetricAndConsistentWithEquals() {
    Property.forAll(
        20_000,
        r -> List.of(dockerVersion(r), dockerVersion(r)),
        pair -> assertTotalAndConsistent(pair.get(0), pair.get(1)));
  }

  @Test
  void dockerOrderIsTransitive() {
    Property.forAll(
        20_000,
        r -> List.of(dockerVersion(r), dockerVersion(r), dockerVersion(r)),
        triple -> {
          List<Version> sorted = new ArrayList<>(triple);
          sorted.sort(null);
          assertThat(sorted.get(0).compareTo(sorted.get(2))).isLessThanOrEqualTo(0);
          assertThat(sorted.get(0).compareVersion(sorted.get(1))).isLessThanOrEqualTo(0);
          assertThat(sorted.get(1).compareVersion(sorted.get(2))).isLessThanOrEqualTo(0);
          assertThat(sorted.get(0).compareVersion(sorted.get(2))).isLessThanOrEqualTo(0);
        });
  }

  @Test
  void semverOrderIsTotalAndConsistentWithEquals() {
    Property.forAll(
        20_000,
        r -> List.of(semverVersion(r), semverVersion(r)),
        pair -> assertTotalAndConsistent(pair.get(0), pair.get(1)));
  }

  @Test
  void upgradesAreASortedSubsetOfNewerCompatibleTags() {
    Property.forAll(
        3_000,
        r -> {
          List<String> tags =
              list(
                  r,
                  0,
                  30,
                  t -> t.nextInt(6) == 0 ? oneOf(t, "latest", "5e2f0a1", "stable") : dockerTag(t));
          tags.add(0, dockerTag(r));
          return tags;
        },
        tags -> {
          String running = tags.get(0);
          Upgrades upgrades = UpgradeFinder.find(running, tags, UpgradePolicy.defaults());
          Version current = DOCKER.parse(running).orElseThrow();

          assertThat(tags).containsAll(upgrades.upgrades());
          assertThat(upgrades.upgrades()).doesNotHaveDuplicates();
          Version previous = null;
          for (String tag : upgrades.upgrades()) {
            Version v = DOCKER.parse(tag).orElseThrow();
            assertThat(v.compareVersion(current)).isPositive();
            assertThat(v.isCompatibleWith(current)).isTrue();
            if (previous != null) {
              assertThat(previous.compareVersion(v)).isNegative();
            }
            previous = v;
          }
        });
  }

  private static void assertTotalAndConsistent(Version x, Version y) {
    int xy = x.compareTo(y);
    int yx = y.compareTo(x);
    assertThat(Integer.signum(xy)).isEqualTo(-Integer.signum(yx));
    assertThat(xy == 0).isEqualTo(x.equals(y));
    assertThat(x.compareTo(x)).isZero();
  }

  private static Version dockerVersion(Random random) {
    return DOCKER.parse(dockerTag(random)).orElseThrow();
  }

  private static String dockerTag(Random random) {
    StringBuilder tag = new StringBuilder(oneOf(random, "", "", "v"));
    int parts = 1 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      tag.append(i == 0 ? "" : ".").append(oneOf(random, "0", "1", "2", "9", "10", "12", "01"));
    }
    tag.append(oneOf(random, "", "", "", "a1", "b2", "rc1", "rc10", "beta"));
    tag.append(oneOf(random, "", "", "-alpine", "-slim", "-debian-12-r5"));
    return tag.toString();
  }

  private static Version semverVersion(Random random) {
    String tag =
        oneOf(random, "", "v")
            + random.nextInt(4)
            + "."
            + random.nextInt(4)
            + "."
            + random.nextInt(4)
            + oneOf(random, "", "-alpha", "-alpha.1", "-beta.2", "-beta.11", "-rc.1", "-1", "-1.a")
            + oneOf(random, "", "", "+b1", "+b2");
    return SEMVER.parse(tag).orElseThrow();
  }
}
