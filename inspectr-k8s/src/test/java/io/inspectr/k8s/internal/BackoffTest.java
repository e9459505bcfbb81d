package io.inspectr.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesUpToTheMaximumAndStartsOverAfterReset() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> 0.5);

    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.failures()).isEqualTo(4);
    backoff.reset();
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterSpreadsWaitsByAFifthButNeverAboveTheMaximum() {
    assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), () -> 0.0).next())
        .isEqualTo(Duration.ofSeconds(8));
    assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), () -> 0.999).next())
        .isBetween(Duration.ofMillis(11_990), Duration.ofSeconds(12));
    assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), () -> 0.999).next())
        .isEqualTo(Duration.ofSeconds(10));
  }
}
