package io.inspectr.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.PluginConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookNotifierConfigTest {
  private static WebhookNotifierConfig read(Map<String, String> values) {
    return WebhookNotifierConfig.from(PluginConfig.of("inspectr.notify.webhook", values));
  }

  @Test
  void defaultsArePinnedAndHeadersComeFromSubKeys() {
    WebhookNotifierConfig config =
        read(Map.of("url", "https://hooks.example.com/in?token=t0k", "headers.x-team", "platform"));

    assertThat(config.method()).isEqualTo("POST");
    assertThat(config.hmacSecret()).isNull();
    assertThat(config.signatureHeader()).isEqualTo("X-Inspectr-Signature-256");
    assertThat(config.headers()).containsOnlyKeys("x-team");
    assertThat(config.headers().get("x-team").reveal()).isEqualTo("platform");
    assertThat(config.toString()).doesNotContain("t0k").doesNotContain("platform");
  }

  @Test
  void everyProblemAtOnceWithValuesMasked() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "url", "hooks.example.com/in?token=t0k",
                        "method", "delete",
                        "headers.Content-Type", "text/plain",
                        "signature-header", "X Sig")))
        .hasMessageStartingWith("Invalid configuration, 4 problems:")
        .hasMessageContaining("url was '****' but it must be an absolute http or https URL")
        .hasMessageContaining("method was 'delete' but it must be one of post, put")
        .hasMessageContaining(
            "headers.Content-Type was '****' but it must name a header inspectr does not set itself")
        .hasMessageContaining("signature-header was 'X Sig'")
        .hasMessageNotContaining("t0k");
  }

  @Test
  void aUrlWithUserInfoIsRejectedWithoutShowingItAndPointsToTheAuthorizationHeader() {
    assertThatThrownBy(() -> read(Map.of("url", "https://bot:p4ss@w0rd@hooks.example.com/in")))
        .hasMessageContaining("url was '****' but it must not hold a user name or password")
        .hasMessageContaining("headers.Authorization")
        .hasMessageNotContaining("p4ss")
        .hasMessageNotContaining("w0rd");
  }

  @Test
  void headersInspectrSetsItselfCannotBeSetTwice() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "url", "https://hooks.example.com/in",
                        "headers.X-Inspectr-Signature-256", "sha256=forged",
                        "headers.accept", "text/html",
                        "headers.X-Inspectr-Anything", "x")))
        .hasMessageStartingWith("Invalid configuration, 3 problems:")
        .hasMessageContaining(
            "headers.X-Inspectr-Signature-256 was '****' but it must name a header")
        .hasMessageContaining("headers.accept was '****'")
        .hasMessageContaining("headers.X-Inspectr-Anything was '****'");
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "url", "https://hooks.example.com/in",
                        "signature-header", "X-Hub-Signature-256",
                        "headers.x-hub-signature-256", "sha256=forged")))
        .hasMessageContaining("headers.x-hub-signature-256 was '****'");
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "url", "https://hooks.example.com/in",
                        "signature-header", "X-Inspectr-Delivery")))
        .hasMessageContaining("signature-header was 'X-Inspectr-Delivery' but it must be a header");
    assertThat(
            read(Map.of("url", "https://hooks.example.com/in", "headers.User-Agent", "acme/1"))
                .headers())
        .containsOnlyKeys("User-Agent");
  }
}
