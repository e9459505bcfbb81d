package io.inspectr.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

  @Test
  void readsTypedValues() {
    ConfigReader read =
        new ConfigReader(
            PluginConfig.of(
                "inspectr.notify.x",
                Map.of(
                    "url", "https://example.com/hook",
                    "timeout", "30s",
                    "retries", "3",
                    "enabled", "yes",
                    "mode", "Cloud",
                    "tags", "a, b,,c")));

    assertThat(read.url("url", true)).contains(URI.create("https://example.com/hook"));
    assertThat(read.duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    assertThat(read.integer("retries", 0, 0, 10)).isEqualTo(3);
    assertThat(read.bool("enabled", false)).isTrue();
    assertThat(read.oneOf("mode", "server", "server", "cloud")).isEqualTo("cloud");
    assertThat(read.list("tags")).containsExactly("a", "b", "c");
    assertThat(read.duration("missing", Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
    read.validate();
  }

  @Test
  void reportsEveryProblemAtOnceWithoutSecrets() {
    ConfigReader read =
        new ConfigReader(
            PluginConfig.of(
                "inspectr.notify.x", Map.of("url", "ftp://x", "timeout", "soon", "retries", "99")));

    read.url("url", true);
    read.duration("timeout", Duration.ZERO);
    read.integer("retries", 0, 0, 10);
    read.required("project", "the JIRA project key");
    read.requiredSecret("token", "an API token");

    assertThatThrownBy(read::validate)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(InvalidConfigurationException.MESSAGE_PREFIX + ", 5 problems:")
        .hasMessageContaining(
            "inspectr.notify.x.url was 'ftp://x' but it must be an absolute http or https URL")
        .hasMessageContaining("inspectr.notify.x.timeout was 'soon'")
        .hasMessageContaining(
            "inspectr.notify.x.retries was '99' but it must be a whole number from 0 to 10")
        .hasMessageContaining(
            "inspectr.notify.x.project is missing but it must be set to the JIRA project key")
        .hasMessageContaining("inspectr.notify.x.token is missing");
  }

  @Test
  void parsesDurations() {
    assertThat(ConfigReader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(ConfigReader.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(ConfigReader.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(ConfigReader.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(ConfigReader.parseDuration("PT90S")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> ConfigReader.parseDuration("-5s")).hasMessageContaining("negative");
  }

  @Test
  void subViewsKeepTheirPrefix() {
    PluginConfig config =
        PluginConfig.of("inspectr.notify.webhook", Map.of("headers.X-Team", "a", "url", "u"));

    PluginConfig headers = config.sub("headers");

    assertThat(headers.get("X-Team")).isEqualTo("a");
    assertThat(headers.keys()).containsExactly("X-Team");
    assertThat(headers.fullKey("X-Team")).isEqualTo("inspectr.notify.webhook.headers.X-Team");
  }

  @Test
  void secretsAndConfigsNeverPrintValues() {
    Secret secret = Secret.of("hunter2");
    PluginConfig config = PluginConfig.of("p", Map.of("password", "hunter2"));

    assertThat(secret).hasToString(Secret.MASK);
    assertThat(secret.reveal()).isEqualTo("hunter2");
    assertThat(config.toString()).contains("password").doesNotContain("hunter2");
  }
}
