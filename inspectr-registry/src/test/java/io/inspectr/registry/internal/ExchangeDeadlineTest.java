package io.inspectr.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.testing.MutableClock;
import io.inspectr.registry.testing.FakeRegistry;
import io.inspectr.registry.testing.FakeRegistry.Response;
import io.inspectr.registry.testing.RecordingDelayer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request that has not been sent when its lookup's deadline is over is never sent: neither one
 * waiting for its host's slot nor one waiting for a transport thread. A fake that holds one answer
 * keeps the single slot (or thread) busy, so what waits behind it is known without timing.
 */
class ExchangeDeadlineTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private FakeRegistry fake;
  private @Nullable HttpTransport transport;
  private HostLimiter limiter;
  private Exchange exchange;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRegistry.start();
    fake.on(
        "GET",
        "/held",
        r -> {
          held.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Response.empty(200);
        });
    fake.on("GET", "/queued", r -> Response.empty(200));
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (transport != null) {
      transport.close();
    }
    fake.close();
  }

  private void exchange(int threads, int perHost) {
    transport =
        new ApacheHttpTransport(
            TrustedCertificates.context(Optional.empty()),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            threads,
            perHost,
            1024 * 1024);
    limiter = new HostLimiter(perHost);
    exchange =
        new Exchange(
            transport,
            limiter,
            new Hosts(Set.of(fake.authority())),
            new RecordingDelayer(),
            clock,
            Duration.ofSeconds(60));
  }

  private CompletableFuture<HttpResult> send(String path, Deadline deadline) {
    return exchange.send(HttpCall.get(URI.create(fake.url(path))), deadline);
  }

  private long sent(String path) {
    return fake.count(r -> r.uri().getPath().equals(path));
  }

  private CompletableFuture<HttpResult> holdTheOnlySlot() throws InterruptedException {
    CompletableFuture<HttpResult> holding = send("/held", Deadline.after(clock, TIMEOUT));
    assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
    return holding;
  }

  private static void assertNotSent(CompletableFuture<HttpResult> late) {
    assertThatThrownBy(() -> late.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("gave up before GET");
  }

  /** Lets the held answer go. */
  private void finish(CompletableFuture<HttpResult> holding) throws Exception {
    release.countDown();
    assertThat(holding.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  /** The slot and thread were handed back, and the late request was never sent. */
  private void assertTheNextRequestIsTheOnlyOneSent() throws Exception {
    assertThat(send("/queued", Deadline.after(clock, TIMEOUT)).get(30, TimeUnit.SECONDS).status())
        .isEqualTo(200);
    assertThat(sent("/queued")).isEqualTo(1);
  }

  @Test
  void aRequestWhoseTurnComesAfterTheDeadlineFailsWithoutBeingSent() throws Exception {
    exchange(4, 1);
    CompletableFuture<HttpResult> holding = holdTheOnlySlot();
    CompletableFuture<HttpResult> late = send("/queued", Deadline.after(clock, TIMEOUT));
    assertThat(limiter.waiting(fake.authority())).isEqualTo(1);

    clock.advance(TIMEOUT.plusSeconds(1));
    finish(holding);

    assertNotSent(late);
    assertTheNextRequestIsTheOnlyOneSent();
  }

  @Test
  void anAbandonedRequestLeavesItsHostsQueueAtOnce() throws Exception {
    exchange(4, 1);
    CompletableFuture<HttpResult> holding = holdTheOnlySlot();
    Deadline given = Deadline.after(clock, TIMEOUT);
    CompletableFuture<HttpResult> late = send("/queued", given);
    assertThat(limiter.waiting(fake.authority())).isEqualTo(1);

    given.abandon();

    assertThat(limiter.waiting(fake.authority())).isZero();
    assertNotSent(late);
    finish(holding);
    assertTheNextRequestIsTheOnlyOneSent();
  }

  @Test
  void aRequestWaitingForATransportThreadPastItsDeadlineIsNotSent() throws Exception {
    exchange(1, 2);
    CompletableFuture<HttpResult> holding = holdTheOnlySlot();
    Deadline given = Deadline.after(clock, TIMEOUT);
    // The host has a free slot, but the only thread is busy: this one waits for the thread.
    CompletableFuture<HttpResult> late = send("/queued", given);
    assertThat(limiter.waiting(fake.authority())).isZero();

    given.abandon();
    finish(holding);

    assertNotSent(late);
    assertTheNextRequestIsTheOnlyOneSent();
  }

  @Test
  void aDetachedDeadlineOutlivesTheLookupThatGaveUp() {
    Deadline lookup = Deadline.after(clock, TIMEOUT);
    Deadline shared = lookup.detached();

    lookup.abandon();

    assertThat(lookup.isOver()).isTrue();
    assertThat(shared.isOver()).isFalse();
    assertThat(shared.at()).isEqualTo(lookup.at());
    clock.advance(TIMEOUT);
    assertThat(shared.isOver()).isTrue();
  }
}
