package io.inspectr.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {
  private static final Map<String, List<String>> IDS =
      Map.of(
          "notify",
          List.of("slack", "jira", "ms-teams", "webhook"),
          "registry",
          List.of("ecr", "dockerhub"),
          "state",
          List.of("file"));

  @TempDir Path dir;

  @Test
  void mapsEnvironmentVariablesByTheRule() {
    ConfigSources config =
        ConfigSources.of(
            Map.of(),
            Map.of(
                "INSPECTR_NOTIFY_SLACK_WEBHOOK_URL", "https://hooks.example/1",
                "INSPECTR_NOTIFY_MS_TEAMS_URL", "https://teams.example",
                "INSPECTR_NOTIFY_WEBHOOK_HEADERS__X_TEAM", "ops",
                "INSPECTR_REGISTRY_ECR_REGION", "eu-west-1",
                "INSPECTR_REGISTRY_CACHE_TTL", "2h",
                "INSPECTR_KUBERNETES_CONTEXTS", "a,b",
                "INSPECTR_STATE_FILE_PATH", "/var/lib/inspectr/state",
                "INSPECTR_SCHEDULE", "tuesday|1430",
                "PATH", "/usr/bin"),
            IDS);

    assertThat(config.keys())
        .containsExactly(
            "inspectr.kubernetes.contexts",
            "inspectr.notify.ms-teams.url",
            "inspectr.notify.slack.webhook-url",
            "inspectr.notify.webhook.headers.x-team",
            "inspectr.registry.cache-ttl",
            "inspectr.registry.ecr.region",
            "inspectr.schedule",
            "inspectr.state.file.path");
    PluginConfig slack = config.view("inspectr.notify.slack");
    assertThat(slack.get("webhook-url")).isEqualTo("https://hooks.example/1");
    assertThat(config.view("inspectr.registry").get("ecr.region")).isEqualTo("eu-west-1");
    assertThat(config.view("inspectr.registry").sub("ecr").get("region")).isEqualTo("eu-west-1");
  }

  @Test
  void keepsTheOriginalToolsVariables() {
    ConfigSources config =
        ConfigSources.of(
            Map.of(),
            Map.of(
                "INSPECTR_SLACK_WEBHOOK_ID", "T000/B000/XXXX",
                "INSPECTR_JIRA_URL", "https://jira.example",
                "INSPECTR_JIRA_PARAMS", "u|p|OPS|Task",
                "INSPECTR_INSECURE_REGISTRIES", "localhost:5000",
                "INSPECTR_NAMESPACES_EXCLUDE", "kube-*"),
            IDS);

    assertThat(config.view("inspectr.notify.slack").get("webhook-id")).isEqualTo("T000/B000/XXXX");
    assertThat(config.view("inspectr.notify.jira").keys())
        .as("JIRA's links follow the Slack notifier's whole webhook, see NotifiersIT")
        .containsExactlyInAnyOrder("url", "params");
    assertThat(config.view("inspectr.registry").get("insecure-registries"))
        .isEqualTo("localhost:5000");
    assertThat(config.view("inspectr.kubernetes").get("namespaces-exclude")).isEqualTo("kube-*");
  }

  @Test
  void environmentWinsOverTheFile() throws IOException {
    Path file = dir.resolve("inspectr.yaml");
    Files.writeString(
        file,
        "inspectr:\n  schedule: \"1000\"\n  notify:\n    slack:\n      webhook-url: https://file.example\n"
            + "  kubernetes:\n    contexts: [a, b]\n");

    ConfigSources config =
        ConfigSources.of(
            YamlConfigFile.read(file), Map.of("INSPECTR_SCHEDULE", "monday|0900"), IDS);

    assertThat(config.view("inspectr").get("schedule")).isEqualTo("monday|0900");
    assertThat(config.view("inspectr.notify.slack").get("webhook-url"))
        .isEqualTo("https://file.example");
    assertThat(config.view("inspectr.kubernetes").get("contexts")).isEqualTo("a,b");
  }

  @Test
  void badFilesAreConfigurationErrors() throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "inspectr: [unclosed\n");
    Path list = dir.resolve("list.yaml");
    Files.writeString(list, "- a\n- b\n");

    assertThatThrownBy(() -> YamlConfigFile.read(broken))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("broken.yaml")
        .hasMessageContaining("valid YAML");
    assertThatThrownBy(() -> YamlConfigFile.read(list))
        .hasMessageContaining("top level must be a map");
    assertThatThrownBy(() -> YamlConfigFile.read(dir.resolve("absent.yaml")))
        .hasMessageContaining("existing YAML file");
  }

  @Test
  void neverPrintsValues() {
    ConfigSources config =
        ConfigSources.of(Map.of(), Map.of("INSPECTR_SLACK_WEBHOOK_ID", "T000/B000/SECRET"), IDS);

    assertThat(config.toString()).contains("webhook-id").doesNotContain("SECRET");
    assertThat(config.view("inspectr.notify.slack").toString()).doesNotContain("SECRET");
  }
}
