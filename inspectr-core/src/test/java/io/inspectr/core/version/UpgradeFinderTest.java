package io.inspectr.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeFinderTest {
  private static final UpgradePolicy DEFAULTS = UpgradePolicy.defaults();

  private static Upgrades find(String running, List<String> tags) {
    return UpgradeFinder.find(running, tags, DEFAULTS);
  }

  @Test
  void listsEveryNewerTagAscendingAndNamesTheNewestOfEachKind() {
    Upgrades upgrades =
        find(
            "1.25.3",
            List.of("2.0.1", "1.25.2", "1.25.4", "1.26.1", "1.26.0", "1.25.3", "2.0.0", "0.9.9"));

    assertThat(upgrades.upgrades()).containsExactly("1.25.4", "1.26.0", "1.26.1", "2.0.0", "2.0.1");
    assertThat(upgrades.newestPatch()).isEqualTo("1.25.4");
    assertThat(upgrades.newestMinor()).isEqualTo("1.26.1");
    assertThat(upgrades.newestMajor()).isEqualTo("2.0.1");
    assertThat(upgrades.behind()).isEqualTo(5);
    assertThat(upgrades.newest()).contains("2.0.1");
  }

  @Test
  void leavesKindsWithoutUpgradesEmpty() {
    Upgrades upgrades = find("1.25.3", List.of("1.25.4", "1.25.5"));

    assertThat(upgrades.newestPatch()).isEqualTo("1.25.5");
    assertThat(upgrades.newestMinor()).isNull();
    assertThat(upgrades.newestMajor()).isNull();
  }

  @Test
  void upToDateHasNoUpgrades() {
    Upgrades upgrades = find("1.27.0", List.of("1.25.3", "1.26.0", "1.27.0", "latest"));

    assertThat(upgrades.versioned()).isTrue();
    assertThat(upgrades.upgrades()).isEmpty();
    assertThat(upgrades.behind()).isZero();
    assertThat(upgrades.isOutdated()).isFalse();
  }

  @Test
  void ignoresTheVPrefixWhenComparing() {
    assertThat(find("v2.48.1", List.of("2.49.0", "v2.48.0")).upgrades()).containsExactly("2.49.0");
    assertThat(find("2.48.1", List.of("v2.49.0")).upgrades()).containsExactly("v2.49.0");
  }

  @Test
  void reportsOneTagPerVersionInTheRunningTagsStyle() {
    List<String> both = List.of("v1.2.4", "1.2.4", "1.3.0", "v1.3.0", "v1.4.0");

    assertThat(find("v1.2.3", both).upgrades()).containsExactly("v1.2.4", "v1.3.0", "v1.4.0");
    assertThat(find("1.2.3", both).upgrades()).containsExactly("1.2.4", "1.3.0", "v1.4.0");
    assertThat(find("1.2.3", both).behind()).isEqualTo(3);
  }

  @Test
  void keepsTheSuffixChannel() {
    List<String> tags =
        List.of("1.25.4", "1.25.4-alpine", "1.26.0-alpine", "1.26.0-alpine3.19", "1.27.0-bookworm");

    assertThat(find("1.25.3-alpine", tags).upgrades())
        .containsExactly("1.25.4-alpine", "1.26.0-alpine");
    assertThat(find("1.25.3", tags).upgrades()).containsExactly("1.25.4");
  }

  @Test
  void keepsBitnamiStyleSuffixesWhole() {
    List<String> tags =
        List.of("16.1.0-debian-12-r6", "16.2.0-debian-12-r5", "16.2.0-debian-12-r0", "16.2.0");

    assertThat(find("16.1.0-debian-12-r5", tags).upgrades()).containsExactly("16.2.0-debian-12-r5");
  }

  @Test
  void keepsPrecisionSoFloatingTagsMoveToFloatingTags() {
    List<String> tags = List.of("1.25.4", "1.26", "1.26.0", "2", "2.0");

    assertThat(find("1.25", tags).upgrades()).containsExactly("1.26", "2.0");
    assertThat(find("1.25.3", tags).upgrades()).containsExactly("1.25.4", "1.26.0");
    assertThat(find("1", tags).upgrades()).containsExactly("2");
  }

  @Test
  void handlesFourPartVersions() {
    Upgrades upgrades =
        find("1.2.3.4", List.of("1.2.3.5", "1.2.4.0", "1.3.0.0", "2.0.0.0", "1.2.4"));

    assertThat(upgrades.upgrades()).containsExactly("1.2.3.5", "1.2.4.0", "1.3.0.0", "2.0.0.0");
    assertThat(upgrades.newestPatch()).isEqualTo("1.2.4.0");
    assertThat(upgrades.newestMinor()).isEqualTo("1.3.0.0");
    assertThat(upgrades.newestMajor()).isEqualTo("2.0.0.0");
  }

  @Test
  void offersPreReleasesOnlyOfTheRunningPreReleasesNumbers() {
    List<String> tags = List.of("3.7.0b2", "3.7.0rc1", "3.7.0", "3.8.0a1", "3.8.0");

    assertThat(find("3.7.0b1", tags).upgrades())
        .containsExactly("3.7.0b2", "3.7.0rc1", "3.7.0", "3.8.0");
    assertThat(find("3.6.0", tags).upgrades()).containsExactly("3.7.0", "3.8.0");
  }

  @Test
  void offersPreReleasesWhenThePolicyAllowsThem() {
    Upgrades upgrades =
        UpgradeFinder.find(
            "3.6.0", List.of("3.7.0b2", "3.7.0"), DEFAULTS.withAllowPreRelease(true));

    assertThat(upgrades.upgrades()).containsExactly("3.7.0b2", "3.7.0");
  }

  @Test
  void neverOffersJunkTags() {
    List<String> tags =
        List.of(
            "latest",
            "5e2f0a1",
            "1a2b3c4d",
            "sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.sig",
            "sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.att",
            "sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.sbom",
            "2.0.0.sig",
            "2.0.0");

    assertThat(find("1.0.0", tags).upgrades()).containsExactly("2.0.0");
    assertThat(NeverCandidates.matches("1234567")).isFalse();
  }

  @Test
  void mutableTagsAreNotVersionedAndHaveNoUpgrades() {
    Upgrades upgrades = find("latest", List.of("1.0.0", "2.0.0"));

    assertThat(upgrades.versioned()).isFalse();
    assertThat(upgrades.running()).isEqualTo("latest");
    assertThat(upgrades.upgrades()).isEmpty();
    assertThat(UpgradeFinder.find(null, List.of("1.0"), DEFAULTS).versioned()).isFalse();
  }

  @Test
  void pinsMajorOrMinor() {
    List<String> tags = List.of("1.25.4", "1.26.0", "2.0.0");

    assertThat(UpgradeFinder.find("1.25.3", tags, DEFAULTS.withPin(Pin.MAJOR)).upgrades())
        .containsExactly("1.25.4", "1.26.0");
    assertThat(UpgradeFinder.find("1.25.3", tags, DEFAULTS.withPin(Pin.MINOR)).upgrades())
        .containsExactly("1.25.4");
  }

  @Test
  void filtersByIncludeAndExcludePatterns() {
    List<String> tags = List.of("1.25.4", "1.26.0", "1.27.0", "2.0.0");
    UpgradePolicy policy = DEFAULTS.withIncludeTags("^1\\.").withExcludeTags("^1\\.26\\.");

    assertThat(UpgradeFinder.find("1.25.3", tags, policy).upgrades())
        .containsExactly("1.25.4", "1.27.0");
  }

  @Test
  void usesTheSchemeOfThePolicy() {
    UpgradePolicy semver = DEFAULTS.withScheme(VersionScheme.of("semver"));

    assertThat(
            UpgradeFinder.find("1.0.0", List.of("1.0.1-rc.1", "1.0.1", "1.1", "v1.2.0"), semver)
                .upgrades())
        .containsExactly("1.0.1", "v1.2.0");
  }

  @Test
  void regexSchemeReadsBitnamiRevisions() {
    UpgradePolicy policy =
        DEFAULTS.withScheme(
            VersionScheme.of(
                "regex:^(?<major>\\d+)\\.(?<minor>\\d+)\\.(?<patch>\\d+)"
                    + "-(?<compatibility>debian-\\d+)-r(?<build>\\d+)$"));
    List<String> tags =
        List.of(
            "16.1.0-debian-12-r6",
            "16.1.0-debian-12-r10",
            "16.2.0-debian-12-r0",
            "16.2.0-debian-11-r9");

    Upgrades upgrades = UpgradeFinder.find("16.1.0-debian-12-r5", tags, policy);

    assertThat(upgrades.upgrades())
        .containsExactly("16.1.0-debian-12-r6", "16.1.0-debian-12-r10", "16.2.0-debian-12-r0");
    assertThat(upgrades.newestPatch()).isEqualTo("16.1.0-debian-12-r10");
    assertThat(upgrades.newestMinor()).isEqualTo("16.2.0-debian-12-r0");
  }

  @Test
  void regexSchemeReadsCalendarVersions() {
    UpgradePolicy policy =
        DEFAULTS.withScheme(
            VersionScheme.of("regex:^(?<major>\\d{4})-(?<minor>\\d{2})-(?<patch>\\d{2})$"));

    assertThat(
            UpgradeFinder.find(
                    "2024-05-01", List.of("2024-04-30", "2024-06-01", "2025-01-15", "x"), policy)
                .upgrades())
        .containsExactly("2024-06-01", "2025-01-15");
  }

  @Test
  void acceptsDuplicateTagsInTheListing() {
    assertThat(find("1.0.0", List.of("1.0.1", "1.0.1", "1.0.1")).upgrades())
        .containsExactly("1.0.1");
  }
}
