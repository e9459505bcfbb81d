package io.inspectr.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DockerVersionSchemeTest {
  private final VersionScheme docker = VersionScheme.docker();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // tag                  | prefix | precision | major | minor | pre-release | channel
        "1.25.3                 | ''     | 3         | 1     | 25    | ''          | ''",
        "v2.48.1                | v      | 3         | 2     | 48    | ''          | ''",
        "1.25                   | ''     | 2         | 1     | 25    | ''          | ''",
        "16                     | ''     | 1         | 16    | 0     | ''          | ''",
        "1.25.3-alpine          | ''     | 3         | 1     | 25    | ''          | alpine",
        "16.1.0-debian-12-r5    | ''     | 3         | 16    | 1     | ''          | debian-12-r5",
        "3.7.0b1                | ''     | 3         | 3     | 7     | b1          | ''",
        "2.0.0rc1-slim          | ''     | 3         | 2     | 0     | rc1         | slim",
        "1.2.3.4                | ''     | 4         | 1     | 2     | ''          | ''",
        "1.25.7.5604-980a13e02  | ''     | 4         | 1     | 25    | ''          | 980a13e02",
        "v1.12.1-distroless     | v      | 3         | 1     | 12    | ''          | distroless",
        "1234567                | ''     | 1         | 1234567 | 0   | ''          | ''",
      })
  void readsDockerTags(
      String tag,
      String prefix,
      int precision,
      long major,
      long minor,
      String preRelease,
      String channel) {
    Version v = docker.parse(tag).orElseThrow();

    assertThat(v.tag()).isEqualTo(tag);
    assertThat(v.prefix()).isEqualTo(prefix);
    assertThat(v.precision()).isEqualTo(precision);
    assertThat(v.major()).isEqualTo(major);
    assertThat(v.minor()).isEqualTo(minor);
    assertThat(v.preRelease()).isEqualTo(preRelease);
    assertThat(v.compatibility()).isEqualTo(channel);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "latest",
        "stable",
        "alpine",
        "5e2f0a1",
        "deadbeef12",
        "608111629a",
        "v",
        "V1.2",
        "vv1.2",
        "1.",
        "1..2",
        ".1",
        "1.2.3-",
        "1.0rc.1",
        "1.2+3",
        "1234567890123456789",
        "sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.sig",
        "",
      })
  void rejectsTagsThatAreNotVersions(String tag) {
    assertThat(docker.parse(tag)).isEmpty();
  }

  @Test
  void ignoresOneLowercaseV() {
    Version prefixed = docker.parse("v2.48.1").orElseThrow();
    Version plain = docker.parse("2.49.0").orElseThrow();

    assertThat(prefixed.compareVersion(plain)).isNegative();
    assertThat(prefixed.compareVersion(docker.parse("2.48.1").orElseThrow())).isZero();
    assertThat(prefixed).isNotEqualTo(docker.parse("2.48.1").orElseThrow());
  }

  @Test
  void ordersNumbersNumerically() {
    assertThat(compare("1.10.0", "1.9.0")).isPositive();
    assertThat(compare("1.2.3.10", "1.2.3.9")).isPositive();
    assertThat(compare("2.0.0", "10.0.0")).isNegative();
  }

  @Test
  void ranksStableAbovePreReleasesAndOrdersPreReleasesNaturally() {
    assertThat(compare("3.7.0", "3.7.0b1")).isPositive();
    assertThat(compare("3.7.0b2", "3.7.0b1")).isPositive();
    assertThat(compare("3.7.0rc10", "3.7.0rc9")).isPositive();
    assertThat(compare("3.7.0rc1", "3.7.0b9")).isPositive();
    assertThat(compare("3.7.0a1", "3.6.9")).isPositive();
  }

  @Test
  void treatsTheShorterAsGreaterWhenOneRunsOut() {
    // "1.25" floats over every 1.25.x, so it sorts above them, as docker tags are used.
    assertThat(compare("1.25", "1.25.3")).isPositive();
  }

  @Test
  void compatibilityNeedsSameChannelAndPrecision() {
    Version running = docker.parse("1.25.3-alpine").orElseThrow();

    assertThat(running.isCompatibleWith(docker.parse("1.26.0-alpine").orElseThrow())).isTrue();
    assertThat(running.isCompatibleWith(docker.parse("1.26.0").orElseThrow())).isFalse();
    assertThat(running.isCompatibleWith(docker.parse("1.26.0-alpine3.19").orElseThrow())).isFalse();
    assertThat(running.isCompatibleWith(docker.parse("1.26-alpine").orElseThrow())).isFalse();
  }

  private int compare(String a, String b) {
    return docker.parse(a).orElseThrow().compareVersion(docker.parse(b).orElseThrow());
  }
}
