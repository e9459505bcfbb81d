package io.inspectr.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.RepositoryTags;
import io.inspectr.core.testing.MutableClock;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.internal.Delayer;
import io.inspectr.registry.testing.FakeRegistry;
import io.inspectr.registry.testing.FakeRegistry.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One listing per repository per refresh, the TTL cache, and the per-host bound. */
class QuotaTest {
  private FakeRegistry fake;
  private Registries registries;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final ExecutorService callers = Executors.newFixedThreadPool(20);

  @BeforeEach
  void start() throws Exception {
    fake = FakeRegistry.start(32);
    fake.on(
        r -> r.uri().getPath().endsWith("/tags/list"),
        r -> Response.json(200, "{\"tags\":[\"1.0\",\"1.1\"]}"));
    registries = new Registries();
  }

  @AfterEach
  void stop() throws Exception {
    callers.shutdownNow();
    registries.close();
    fake.close();
  }

  private OciAvailableImageData data(Map<String, String> extra) {
    Map<String, String> config = new java.util.HashMap<>(extra);
    config.put("insecure-registries", fake.authority());
    return registries.create(new GenericRegistryProvider(), config, clock, Delayer.TIMER);
  }

  private List<RepositoryTags> concurrently(int n, Callable<RepositoryTags> call) throws Exception {
    List<Future<RepositoryTags>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(callers.submit(call));
    }
    List<RepositoryTags> results = new ArrayList<>();
    for (Future<RepositoryTags> f : futures) {
      results.add(f.get());
    }
    return results;
  }

  @Test
  void concurrentCallersForOneRepositoryShareOneListing() throws Exception {
    fake.latency(Duration.ofMillis(200));
    OciAvailableImageData data = data(Map.of());
    Repository repo = Repository.parse(fake.authority() + "/team/app");

    List<RepositoryTags> results =
        concurrently(20, () -> data.tags(repo, LookupCredentials.none()));

    assertThat(results).allSatisfy(t -> assertThat(t.tags()).containsExactly("1.0", "1.1"));
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void reusesAListingWithinTheTtlAndListsAgainAfterIt() throws Exception {
    OciAvailableImageData data = data(Map.of("cache-ttl", "10m"));
    Repository repo = Repository.parse(fake.authority() + "/team/app");

    data.tags(repo, LookupCredentials.none());
    clock.advance(Duration.ofMinutes(9));
    data.tags(repo, LookupCredentials.none());
    assertThat(fake.requests()).hasSize(1);

    clock.advance(Duration.ofMinutes(2));
    data.tags(repo, LookupCredentials.none());
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void keepsNoFailureInTheCache() throws Exception {
    FakeRegistry flaky = FakeRegistry.start();
    try {
      java.util.concurrent.atomic.AtomicInteger calls =
          new java.util.concurrent.atomic.AtomicInteger();
      flaky.on(
          "GET",
          "/v2/team/app/tags/list",
          r ->
              calls.getAndIncrement() == 0
                  ? Response.json(404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}")
                  : Response.json(200, "{\"tags\":[\"2.0\"]}"));
      OciAvailableImageData data =
          registries.create(
              new GenericRegistryProvider(),
              Map.of("insecure-registries", flaky.authority()),
              clock,
              Delayer.TIMER);
      Repository repo = Repository.parse(flaky.authority() + "/team/app");

      org.assertj.core.api.Assertions.assertThatThrownBy(
          () -> data.tags(repo, LookupCredentials.none()));
      assertThat(data.tags(repo, LookupCredentials.none()).tags()).containsExactly("2.0");
    } finally {
      flaky.close();
    }
  }

  @Test
  void boundsTheRequestsInFlightPerHostAndReachesTheBound() throws Exception {
    int bound = 3;
    // The fake holds every answer until `bound` requests are in flight together, so reaching the
    // bound does not depend on how the threads happen to be scheduled.
    CountDownLatch allIn = new CountDownLatch(bound);
    AtomicBoolean reached = new AtomicBoolean();
    try (FakeRegistry holding = FakeRegistry.start(32)) {
      holding.on("GET", "/v2/warm/up/tags/list", r -> Response.json(200, "{\"tags\":[]}"));
      holding.on(
          r -> r.uri().getPath().endsWith("/tags/list"),
          r -> {
            allIn.countDown();
            try {
              if (allIn.await(30, TimeUnit.SECONDS)) {
                reached.set(true);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return Response.json(200, "{\"tags\":[\"1.0\"]}");
          });
      OciAvailableImageData data =
          registries.create(
              new GenericRegistryProvider(),
              Map.of(
                  "insecure-registries",
                  holding.authority(),
                  "max-concurrency-per-host",
                  String.valueOf(bound)),
              clock,
              Delayer.TIMER);
      // The first request to a host is a probe the others wait for: out of the way first.
      data.tags(Repository.parse(holding.authority() + "/warm/up"), LookupCredentials.none());
      AtomicInteger next = new AtomicInteger();

      concurrently(
          12,
          () ->
              data.tags(
                  Repository.parse(holding.authority() + "/team/app" + next.incrementAndGet()),
                  LookupCredentials.none()));

      assertThat(holding.requests()).hasSize(13);
      assertThat(reached).isTrue();
      assertThat(holding.maxInFlight()).isLessThanOrEqualTo(bound);
    }
  }
}
