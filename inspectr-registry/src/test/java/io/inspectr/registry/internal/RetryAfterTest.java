package io.inspectr.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

  @Test
  void readsDeltaSeconds() {
    assertThat(RetryAfter.parse(Optional.of(" 120 "), clock)).contains(Duration.ofMinutes(2));
  }

  @Test
  void readsAnHttpDate() {
    assertThat(RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:29:30 GMT"), clock))
        .contains(Duration.ofSeconds(90));
  }

  @Test
  void treatsAPastDateAsNoWait() {
    assertThat(RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:00:00 GMT"), clock))
        .contains(Duration.ZERO);
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
    assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
  }
}
