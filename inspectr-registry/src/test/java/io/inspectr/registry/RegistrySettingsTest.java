package io.inspectr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every default pinned, every key read, every problem reported at once. */
class RegistrySettingsTest {

  private static RegistrySettings read(Map<String, String> values, Map<String, String> env) {
    ConfigReader reader = new ConfigReader(PluginConfig.of("inspectr.registry", values));
    RegistrySettings settings = RegistrySettings.read(reader, env::get);
    reader.validate();
    return settings;
  }

  @Test
  void hasTheDocumentedDefaults() {
    RegistrySettings s = read(Map.of(), Map.of("HOME", "/home/u"));

    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.lookupTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.cacheTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(s.retryAfterCap()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.maxConcurrency()).isEqualTo(32);
    assertThat(s.maxConcurrencyPerHost()).isEqualTo(8);
    assertThat(s.maxResponseBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(s.insecureRegistries()).isEmpty();
    assertThat(s.caBundlePath()).isEmpty();
    assertThat(s.dockerConfig()).isEqualTo(Path.of("/home/u/.docker/config.json"));
    assertThat(s.credentials()).isEmpty();
    assertThat(s.lookupOverrides()).isEmpty();
  }

  @Test
  void findsTheDockerConfigInDockerConfigFirst() {
    assertThat(read(Map.of(), Map.of("DOCKER_CONFIG", "/etc/dc", "HOME", "/h")).dockerConfig())
        .isEqualTo(Path.of("/etc/dc/config.json"));
  }

  @Test
  void readsEveryKey() {
    RegistrySettings s =
        read(
            Map.ofEntries(
                Map.entry("connect-timeout", "2s"),
                Map.entry("read-timeout", "10s"),
                Map.entry("lookup-timeout", "1m"),
                Map.entry("cache-ttl", "0s"),
                Map.entry("retry-after-cap", "5m"),
                Map.entry("max-concurrency", "4"),
                Map.entry("max-concurrency-per-host", "2"),
                Map.entry("max-response-bytes", "4096"),
                Map.entry("insecure-registries", "registry.local:5000, 127.0.0.1:5001"),
                Map.entry("lookup-overrides", "mirror.local/hub=docker.io"),
                Map.entry("auth.corp.registry", "registry.corp"),
                Map.entry("auth.corp.username", "svc"),
                Map.entry("auth.corp.password", "pw")),
            Map.of());

    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.lookupTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.cacheTtl()).isZero();
    assertThat(s.retryAfterCap()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.maxConcurrency()).isEqualTo(4);
    assertThat(s.maxConcurrencyPerHost()).isEqualTo(2);
    assertThat(s.maxResponseBytes()).isEqualTo(4096);
    assertThat(s.insecureRegistries())
        .containsExactlyInAnyOrder("registry.local:5000", "127.0.0.1:5001");
    assertThat(s.lookupOverrides())
        .containsExactly(new LookupOverride("mirror.local/hub", "docker.io"));
    assertThat(s.credentials())
        .containsExactly(new StaticCredential("registry.corp", "svc", Secret.of("pw")));
    assertThat(s.toString()).doesNotContain("pw");
  }

  @Test
  void reportsEveryProblemAtOnceWithoutShowingPasswords() {
    Map<String, String> bad =
        Map.of(
            "connect-timeout", "soon",
            "max-concurrency", "0",
            "insecure-registries", "http://x",
            "ca-bundle", "/does/not/exist.pem",
            "auth.a.registry", "r.example",
            "auth.a.password", "Sup3r-secret",
            "lookup-overrides", "no-equals-sign");

    assertThatThrownBy(() -> read(bad, Map.of()))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class, e -> assertThat(e.problems()).hasSize(6))
        .hasMessageContaining("inspectr.registry.connect-timeout was 'soon'")
        .hasMessageContaining("inspectr.registry.auth.a.username is missing")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Sup3r-secret"));
  }
}
