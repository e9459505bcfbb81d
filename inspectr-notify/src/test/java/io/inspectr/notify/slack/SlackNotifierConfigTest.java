package io.inspectr.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.notify.HttpOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackNotifierConfigTest {
  private static SlackNotifierConfig read(Map<String, String> values) {
    return SlackNotifierConfig.from(PluginConfig.of("inspectr.notify.slack", values));
  }

  @Test
  void theWebhookIdIsAppendedToSlacksServicesUrlAsTheOriginalToolDid() {
    SlackNotifierConfig config = read(Map.of("webhook-id", "T000/B000/XXXX"));

    assertThat(config.webhookUrl().reveal())
        .isEqualTo("https://hooks.slack.com/services/T000/B000/XXXX");
    assertThat(config.toString()).doesNotContain("XXXX");
  }

  @Test
  void defaultsArePinned() {
    SlackNotifierConfig config = read(Map.of("webhook-url", "https://chat.example.com/hooks/abc"));

    assertThat(config.username()).isEqualTo("inspectr");
    assertThat(config.minInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.reportUpToDate()).isTrue();
    assertThat(config.http()).isEqualTo(HttpOptions.defaults());
    assertThat(HttpOptions.defaults())
        .isEqualTo(
            new HttpOptions(
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                Duration.ofSeconds(60),
                3,
                Duration.ofMinutes(10)));
    assertThat(read(Map.of("webhook-url", "https://x.example/h", "username", "-")).username())
        .isNull();
  }

  @Test
  void everyProblemIsReportedAtOnceWithSecretsMasked() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "webhook-id", "https://hooks.slack.com/services/T1/B2/s3cr3t",
                        "min-interval", "soon",
                        "timeout", "0s",
                        "report-up-to-date", "maybe")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Invalid configuration, 4 problems:")
        .hasMessageContaining(
            "inspectr.notify.slack.webhook-id was '****' but it must be the part after https://hooks.slack.com/services/")
        .hasMessageContaining("inspectr.notify.slack.min-interval was 'soon'")
        .hasMessageContaining(
            "inspectr.notify.slack.timeout was '0' but it must be longer than zero")
        .hasMessageContaining("inspectr.notify.slack.report-up-to-date was 'maybe'")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> read(Map.of("webhook-url", "hooks.slack.com/services/T1/B2/s3cr3t")))
        .hasMessageContaining("webhook-url was '****' but it must be an absolute http or https URL")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "webhook-id", "T1/B2/s3cr3t", "webhook-url", "https://x.example/s3cr3t")))
        .hasMessageContaining("set either webhook-id or webhook-url, not both")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void aWebhookWithUserInfoIsRejectedWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                read(Map.of("webhook-url", "https://bot:p4ssw0rd@hooks.slack.com/services/T/B/X")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("webhook-url was '****' but it must not hold a user name or password")
        .hasMessageNotContaining("p4ssw0rd");
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "webhook-id",
                        "T1/B2/x",
                        "webhook-base-url",
                        "https://bot:p4ssw0rd@hooks.slack-gov.com/services/")))
        .hasMessageContaining(
            "webhook-base-url was 'https://****@hooks.slack-gov.com/services/' but it must not"
                + " hold a user name or password")
        .hasMessageNotContaining("p4ssw0rd");
  }
}
