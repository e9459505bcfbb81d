package io.inspectr.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionSchemeTest {

  @Test
  void readsSchemeSpecs() {
    assertThat(VersionScheme.of("docker")).isSameAs(VersionScheme.docker());
    assertThat(VersionScheme.of(" semver ").id()).isEqualTo("semver");
    assertThat(VersionScheme.of("regex:^(?<major>\\d+)$").id()).isEqualTo("regex:^(?<major>\\d+)$");
    assertThat(VersionScheme.of("regex:^(?<major>\\d+)$"))
        .isEqualTo(VersionScheme.of("regex:^(?<major>\\d+)$"));
  }

  @Test
  void rejectsUnknownSchemesNamingTheValidOnes() {
    assertThatThrownBy(() -> VersionScheme.of("calver"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"calver\"")
        .hasMessageContaining("docker")
        .hasMessageContaining("semver")
        .hasMessageContaining("regex:");
  }

  @Test
  void rejectsRegexWithoutMajorOrWithGaps() {
    assertThatThrownBy(() -> VersionScheme.of("regex:^(\\d+)$"))
        .hasMessageContaining("(?<major>...)");
    assertThatThrownBy(() -> VersionScheme.of("regex:^(?<major>\\d+)\\.(?<patch>\\d+)$"))
        .hasMessageContaining("has the group patch but not minor");
    assertThatThrownBy(() -> VersionScheme.of("regex:^(?<major>\\d+"))
        .hasMessageContaining("not a valid regular expression");
  }

  @Test
  void regexSchemeIgnoresEscapedParentheses() {
    VersionScheme scheme = VersionScheme.of("regex:^\\(?<x>(?<major>\\d+)$");

    assertThat(scheme.parse("(<x>7").map(Version::major)).contains(7L);
  }

  @Test
  void semverOrdersPreReleasesByPrecedence() {
    VersionScheme semver = VersionScheme.of("semver");
    String[] ordered = {
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0"
    };
    for (int i = 1; i < ordered.length; i++) {
      Version lower = semver.parse(ordered[i - 1]).orElseThrow();
      Version higher = semver.parse(ordered[i]).orElseThrow();
      assertThat(lower.compareVersion(higher)).as(ordered[i - 1] + " < " + ordered[i]).isNegative();
    }
  }

  @Test
  void semverIsStrict() {
    VersionScheme semver = VersionScheme.of("semver");

    assertThat(semver.parse("1.2")).isEmpty();
    assertThat(semver.parse("01.2.3")).isEmpty();
    assertThat(semver.parse("1.2.3.4")).isEmpty();
    assertThat(semver.parse("v1.2.3")).isPresent();
    assertThat(semver.parse("1.2.3+build.5").map(Version::preRelease)).contains("");
  }

  @Test
  void pinParsesCaseInsensitively() {
    assertThat(Pin.parse("Major")).isEqualTo(Pin.MAJOR);
    assertThat(Pin.parse("minor")).isEqualTo(Pin.MINOR);
    assertThatThrownBy(() -> Pin.parse("patch")).hasMessageContaining("major, minor or none");
  }

  @Test
  void tagPatternsFailWithTheExpression() {
    assertThatThrownBy(() -> UpgradePolicy.defaults().withIncludeTags("("))
        .hasMessageContaining("\"(\"");
  }
}
