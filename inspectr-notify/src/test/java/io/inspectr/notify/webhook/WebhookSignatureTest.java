package io.inspectr.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.config.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void signsAsRfc4231TestCase2() {
    // RFC 4231, 4.3: key "Jefe", data "what do ya want for nothing?", HMAC-SHA-256.
    assertThat(
            WebhookNotifier.sign(
                Secret.of("Jefe"),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
}
