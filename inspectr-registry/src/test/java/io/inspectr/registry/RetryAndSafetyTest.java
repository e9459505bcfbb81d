package io.inspectr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.Secret;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.RateLimitedException;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.core.spi.RegistryUnauthorizedException;
import io.inspectr.core.testing.MutableClock;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.internal.Delayer;
import io.inspectr.registry.internal.Exchange;
import io.inspectr.registry.internal.RegistryRuntime;
import io.inspectr.registry.testing.FakeRegistry;
import io.inspectr.registry.testing.FakeRegistry.Response;
import io.inspectr.registry.testing.RecordingDelayer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits, retries, broken responses, and credentials that must stay on their host. */
class RetryAndSafetyTest {
  private static final String TAGS = "/v2/team/app/tags/list";
  private static final String USER = "robot";
  private static final String PASSWORD = "s3cret-Pa55";

  private FakeRegistry fake;
  private FakeRegistry other;
  private Registries registries;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final RecordingDelayer delayer = new RecordingDelayer();

  @BeforeEach
  void start() throws Exception {
    fake = FakeRegistry.start();
    other = FakeRegistry.start();
    registries = new Registries();
  }

  @AfterEach
  void stop() throws Exception {
    registries.close();
    fake.close();
    other.close();
  }

  private Repository repo() {
    return Repository.parse(fake.authority() + "/team/app");
  }

  private OciAvailableImageData registry(Map<String, String> extra) {
    Map<String, String> config = new java.util.HashMap<>(extra);
    config.put("insecure-registries", fake.authority() + "," + other.authority());
    return registries.create(new GenericRegistryProvider(), config, clock, delayer);
  }

  private OciAvailableImageData registry() {
    return registry(Map.of());
  }

  private static Response failFirst(AtomicInteger calls, int times, Response failure) {
    return calls.getAndIncrement() < times ? failure : Response.json(200, "{\"tags\":[\"1.0\"]}");
  }

  @Test
  void waitsTheSecondsOfRetryAfterOn429ThenSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    fake.on("GET", TAGS, r -> failFirst(calls, 1, Response.empty(429).with("Retry-After", "3")));

    assertThat(registry().tags(repo(), LookupCredentials.none()).tags()).containsExactly("1.0");
    assertThat(fake.requests()).hasSize(2);
    assertThat(delayer.waits()).hasSize(1);
    // Jitter only adds: never earlier than asked, at most 10% later.
    assertThat(delayer.waits().get(0)).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3300));
  }

  @Test
  void waitsUntilTheDateOfRetryAfterOn429() throws Exception {
    String at =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
    AtomicInteger calls = new AtomicInteger();
    fake.on("GET", TAGS, r -> failFirst(calls, 1, Response.empty(429).with("Retry-After", at)));

    assertThat(registry().tags(repo(), LookupCredentials.none()).tags()).containsExactly("1.0");
    assertThat(delayer.waits().get(0)).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700));
  }

  @Test
  void failsAtOnceWithTheWaitWhenRetryAfterIsBeyondTheCap() {
    fake.on("GET", TAGS, r -> Response.empty(429).with("Retry-After", "3600"));

    assertThatThrownBy(() -> registry().tags(repo(), LookupCredentials.none()))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofHours(1));
              assertThat(e.isRetryable()).isTrue();
            })
        .hasMessageContaining("answered 429");
    assertThat(fake.requests()).hasSize(1);
    assertThat(delayer.waits()).isEmpty();
  }

  @Test
  void givesUpOn429AfterTheMaximumAttempts() {
    fake.on(
        "GET",
        TAGS,
        r ->
            Response.json(
                    429, "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}")
                .with("Retry-After", "1"));

    assertThatThrownBy(() -> registry().tags(repo(), LookupCredentials.none()))
        .isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("TOOMANYREQUESTS: slow down");
    assertThat(fake.requests()).hasSize(Exchange.MAX_ATTEMPTS);
  }

  @Test
  void treats503WithRetryAfterAsARateLimit() {
    fake.on("GET", TAGS, r -> Response.empty(503).with("Retry-After", "600"));

    assertThatThrownBy(() -> registry().tags(repo(), LookupCredentials.none()))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(10)));
  }

  @Test
  void retries5xxWithGrowingBackoffThenSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    fake.on("GET", TAGS, r -> failFirst(calls, 2, Response.empty(502)));

    assertThat(registry().tags(repo(), LookupCredentials.none()).tags()).containsExactly("1.0");
    assertThat(fake.requests()).hasSize(3);
    assertThat(delayer.waits()).hasSize(2);
    assertThat(delayer.waits().get(1)).isGreaterThan(delayer.waits().get(0));
  }

  @Test
  void reportsPersistent5xxAsRetryable() {
    fake.on("GET", TAGS, r -> Response.json(500, "oops"));

    assertThatThrownBy(() -> registry().tags(repo(), LookupCredentials.none()))
        .isInstanceOfSatisfying(
            RegistryAccessException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("answered 500 (\"oops\") and retries ran out");
    assertThat(fake.requests()).hasSize(Exchange.MAX_ATTEMPTS);
  }

  @Test
  void stopsRetryingAtTheLookupDeadline() {
    fake.on("GET", TAGS, r -> Response.empty(429).with("Retry-After", "50"));

    assertThatThrownBy(
            () -> registry(Map.of("lookup-timeout", "20s")).tags(repo(), LookupCredentials.none()))
        .isInstanceOf(RateLimitedException.class);
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void sendsNothingForALookupThatTimedOutWhileWaitingForItsHost() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    fake.on(
        "GET",
        "/v2/team/held/tags/list",
        r -> {
          held.countDown();
          await(release);
          return Response.json(200, "{\"tags\":[\"1.0\"]}");
        });
    fake.on(r -> r.uri().getPath().endsWith("/tags/list"), r -> Response.json(200, "{}"));
    Map<String, String> oneAtATime =
        Map.of("insecure-registries", fake.authority(), "max-concurrency-per-host", "1");
    RegistryRuntime runtime = registries.runtime(registries.config(oneAtATime), clock, delayer);
    OciAvailableImageData patient =
        registries.create(new GenericRegistryProvider(), oneAtATime, runtime);
    Map<String, String> hastyConfig = new java.util.HashMap<>(oneAtATime);
    hastyConfig.put("lookup-timeout", "200ms");
    OciAvailableImageData hasty =
        registries.create(new GenericRegistryProvider(), hastyConfig, runtime);
    // The first request to a host is a probe others wait for; have it done before the test.
    patient.tags(Repository.parse(fake.authority() + "/team/first"), LookupCredentials.none());
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<?> holding =
          caller.submit(
              () ->
                  patient.tags(
                      Repository.parse(fake.authority() + "/team/held"), LookupCredentials.none()));
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(
              () ->
                  hasty.tags(
                      Repository.parse(fake.authority() + "/team/late"), LookupCredentials.none()))
          .isInstanceOfSatisfying(
              RegistryAccessException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessageContaining("lookup-timeout");
      release.countDown();
      holding.get(30, TimeUnit.SECONDS);
      // The slot goes first come, first served: a request still queued would be sent before this.
      patient.tags(Repository.parse(fake.authority() + "/team/next"), LookupCredentials.none());
    } finally {
      release.countDown();
      caller.shutdownNow();
    }

    assertThat(fake.count(r -> r.uri().getPath().contains("/team/late/"))).isZero();
    assertThat(fake.count(r -> r.uri().getPath().contains("/team/next/"))).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void reportsATruncatedTagListClearly() {
    fake.on("GET", TAGS, r -> Response.json(200, "{\"name\":\"team/app\",\"tags\":[\"1.0\",\"1."));

    assertThatThrownBy(() -> registry().tags(repo(), LookupCredentials.none()))
        .isInstanceOf(RegistryAccessException.class)
        .hasMessageContaining("list the tags for " + repo())
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void refusesAnOversizeBodyWithTheSettingToRaise() {
    byte[] big = new byte[4096];
    java.util.Arrays.fill(big, (byte) ' ');
    fake.on("GET", TAGS, r -> new Response(200, Map.of(), big, -1));

    assertThatThrownBy(
            () ->
                registry(Map.of("max-response-bytes", "2048"))
                    .tags(repo(), LookupCredentials.none()))
        .isInstanceOfSatisfying(
            RegistryAccessException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("larger than 2048 bytes")
        .hasMessageContaining("inspectr.registry.max-response-bytes");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void sendsNoCredentialsAlongALinkToAnotherHost() throws Exception {
    fake.on(
        "GET",
        TAGS,
        r ->
            r.header("Authorization").isEmpty()
                ? Response.empty(401).with("WWW-Authenticate", "Basic realm=\"r\"")
                : Response.json(200, "{\"tags\":[\"a\"]}")
                    .with("Link", "<" + other.url(TAGS + "?last=a") + ">; rel=\"next\""));
    other.on("GET", TAGS, r -> Response.json(200, "{\"tags\":[\"b\"]}"));

    List<String> tags = registry(staticAuth()).tags(repo(), LookupCredentials.none()).tags();

    assertThat(tags).containsExactly("a", "b");
    assertThat(fake.count(r -> r.header("Authorization").isPresent())).isEqualTo(1);
    assertThat(other.requests()).hasSize(1);
    assertThat(other.requests().get(0).header("Authorization")).isEmpty();
  }

  @Test
  void sendsNoCredentialsAlongARedirectToAnotherHost() throws Exception {
    fake.on(
        "GET",
        TAGS,
        r ->
            r.header("Authorization").isEmpty()
                ? Response.empty(401).with("WWW-Authenticate", "Basic realm=\"r\"")
                : Response.empty(307).with("Location", other.url("/storage/tags.json")));
    other.on("GET", "/storage/tags.json", r -> Response.json(200, "{\"tags\":[\"x\"]}"));

    List<String> tags = registry(staticAuth()).tags(repo(), LookupCredentials.none()).tags();

    assertThat(tags).containsExactly("x");
    assertThat(other.requests()).hasSize(1);
    assertThat(other.requests().get(0).header("Authorization")).isEmpty();
  }

  @Test
  void neitherAnswersNorLearnsTheChallengeOfAnotherHostAfterARedirect() throws Exception {
    String lib = "/v2/team/lib/tags/list";
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    fake.on(
        "GET",
        lib,
        r ->
            r.header("Authorization").equals(java.util.Optional.of(basic))
                ? Response.json(200, "{\"tags\":[\"1.0\"]}")
                : Response.empty(401).with("WWW-Authenticate", "Basic realm=\"r\""));
    fake.on("GET", TAGS, r -> Response.empty(307).with("Location", other.url("/storage/tags")));
    // The other host asks for a token from a realm of its own choosing.
    other.on(
        "GET",
        "/storage/tags",
        r ->
            Response.empty(401)
                .with(
                    "WWW-Authenticate",
                    "Bearer realm=\"" + other.url("/token") + "\",service=\"elsewhere\""));
    other.on("GET", "/token", r -> Response.json(200, "{\"token\":\"foreign\"}"));
    OciAvailableImageData data =
        registry(
            Map.of(
                "cache-ttl",
                "0s",
                "auth.team.registry",
                fake.authority(),
                "auth.team.username",
                USER,
                "auth.team.password",
                PASSWORD));
    Repository libRepo = Repository.parse(fake.authority() + "/team/lib");
    data.tags(libRepo, LookupCredentials.none());

    assertThatThrownBy(() -> data.tags(repo(), LookupCredentials.none()))
        .isInstanceOf(RegistryUnauthorizedException.class);
    // The registry's own Basic challenge is still the one remembered: sent at once, no 401.
    assertThat(data.tags(libRepo, LookupCredentials.none()).tags()).containsExactly("1.0");

    assertThat(other.count(r -> r.header("Authorization").isPresent())).isZero();
    assertThat(other.count(r -> r.uri().getPath().equals("/token"))).isZero();
    assertThat(fake.count(r -> r.uri().getPath().equals(lib))).isEqualTo(3);
    assertThat(fake.count(r -> !r.header("Authorization").equals(java.util.Optional.of(basic))))
        .isEqualTo(1);
  }

  @Test
  void keepsCredentialsAlongARedirectOnTheSameHost() throws Exception {
    fake.on(
        "GET",
        TAGS,
        r ->
            r.header("Authorization").isEmpty()
                ? Response.empty(401).with("WWW-Authenticate", "Basic realm=\"r\"")
                : Response.empty(302).with("Location", "/v2/team/app/tags/list2"));
    fake.on(
        "GET",
        "/v2/team/app/tags/list2",
        r ->
            r.header("Authorization").isPresent()
                ? Response.json(200, "{\"tags\":[\"y\"]}")
                : Response.empty(401));

    assertThat(registry(staticAuth()).tags(repo(), LookupCredentials.none()).tags())
        .containsExactly("y");
  }

  @Test
  void usesTlsForAHostNotListedAsInsecureAndSaysHowToAllowPlainHttp() throws Exception {
    // Like a Go registry serving plain HTTP: it answers a TLS hello with an HTTP 400.
    try (java.net.ServerSocket plain =
        new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      Thread server =
          new Thread(
              () -> {
                while (!plain.isClosed()) {
                  try (java.net.Socket s = plain.accept()) {
                    connections.incrementAndGet();
                    s.getInputStream().read(new byte[512]);
                    s.getOutputStream()
                        .write(
                            "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
                                .getBytes(StandardCharsets.US_ASCII));
                  } catch (java.io.IOException e) {
                    // closed
                  }
                }
              });
      server.setDaemon(true);
      server.start();
      OciAvailableImageData strict =
          registries.create(new GenericRegistryProvider(), Map.of(), clock, Delayer.TIMER);

      assertThatThrownBy(
              () ->
                  strict.tags(
                      Repository.parse("127.0.0.1:" + plain.getLocalPort() + "/team/app"),
                      LookupCredentials.none()))
          .isInstanceOfSatisfying(
              RegistryAccessException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("TLS with 127.0.0.1:" + plain.getLocalPort() + " failed")
          .hasMessageContaining("INSPECTR_INSECURE_REGISTRIES");
      assertThat(connections.get()).isEqualTo(1);
    }
  }

  @Test
  void neverPutsTheCredentialIntoAMessage() {
    fake.on(
        "GET",
        TAGS,
        r -> Response.json(403, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"denied\"}]}"));

    assertThatThrownBy(() -> registry(staticAuth()).tags(repo(), LookupCredentials.none()))
        .satisfies(
            e -> {
              String basic =
                  Base64.getEncoder()
                      .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
              assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain(basic);
            });
    assertThat(Secret.of(PASSWORD).toString()).isEqualTo(Secret.MASK);
  }

  private Map<String, String> staticAuth() {
    return Map.of(
        "auth.team.registry", fake.authority(),
        "auth.team.username", USER,
        "auth.team.password", PASSWORD);
  }
}
