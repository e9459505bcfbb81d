package io.inspectr.registry.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.registry.OciAvailableImageData;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.testing.FakeRegistry;
import io.inspectr.registry.testing.FakeRegistry.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One refresh of R = 500 repositories against a fake registry that answers every request after L =
 * 50 ms, at C = 8 requests per host: requests per repository, token requests, and wall time against
 * the bound ceil(R / C) x L (budget: 1.25 x bound + 1 s). A second refresh within the cache TTL
 * must send nothing.
 *
 * <p>Run: {@code mvn -B -q -pl inspectr-registry -am -DskipITs -Dtest=RegistryRefreshBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false test}; the figures are printed to standard output. Wall
 * times are reported, never asserted; counts are asserted.
 */
class RegistryRefreshBenchmark {
  private static final int REPOSITORIES = 500;
  private static final int PER_HOST = 8;
  private static final Duration LATENCY = Duration.ofMillis(50);
  private static final int CALLER_THREADS = 64;

  @Test
  void anonymousRefreshOfOnePagePerRepository() throws Exception {
    try (FakeRegistry registry = FakeRegistry.start(CALLER_THREADS)) {
      registry.on(
          r -> r.uri().getPath().endsWith("/tags/list"),
          r -> Response.json(200, "{\"tags\":[\"1.0.0\",\"1.0.1\",\"1.1.0\",\"latest\"]}"));
      registry.latency(LATENCY);
      Result first;
      Result second;
      try (OciAvailableImageData data = create(registry.authority())) {
        first = refresh(data, registry, registry.authority());
        second = refresh(data, registry, registry.authority());
      }
      report("anonymous, 1 page", first, second, 0, 1);
      assertThat(first.requests()).isEqualTo(REPOSITORIES);
      assertThat(second.requests()).isZero();
    }
  }

  @Test
  void tokenAuthRefreshWithOneTokenPerRepositoryScope() throws Exception {
    try (FakeRegistry registry = FakeRegistry.start(CALLER_THREADS);
        FakeRegistry tokens = FakeRegistry.start(CALLER_THREADS)) {
      tokens.on(
          "GET",
          "/token",
          r ->
              Response.json(
                  200, "{\"token\":\"t-" + r.query("scope").get(0) + "\",\"expires_in\":300}"));
      registry.on(
          r -> r.uri().getPath().endsWith("/tags/list"),
          r -> {
            String repo = r.uri().getPath().replace("/v2/", "").replace("/tags/list", "");
            String scope = "repository:" + repo + ":pull";
            if (!r.header("Authorization").orElse("").equals("Bearer t-" + scope)) {
              return Response.json(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}")
                  .with(
                      "WWW-Authenticate",
                      "Bearer realm=\""
                          + tokens.url("/token")
                          + "\",service=\"bench\",scope=\""
                          + scope
                          + "\"");
            }
            return Response.json(200, "{\"tags\":[\"1.0.0\",\"1.1.0\"]}");
          });
      registry.latency(LATENCY);
      tokens.latency(LATENCY);
      Result first;
      Result second;
      try (OciAvailableImageData data = create(registry.authority() + "," + tokens.authority())) {
        first = refresh(data, registry, registry.authority());
        second = refresh(data, registry, registry.authority());
      }
      long tokenRequests = tokens.requests().size();
      // Each repository needs its own scope: token + listing are two round trips in a row.
      report("token auth, 1 page", first, second, tokenRequests, 2);
      assertThat(tokenRequests).isEqualTo(REPOSITORIES);
      // One 401 to learn the challenge, then every listing goes with its token.
      assertThat(first.requests()).isEqualTo(REPOSITORIES + 1);
      assertThat(second.requests()).isZero();
    }
  }

  @Test
  void anonymousRefreshOfThreePagesPerRepository() throws Exception {
    try (FakeRegistry registry = FakeRegistry.start(CALLER_THREADS)) {
      registry.on(
          r -> r.uri().getPath().endsWith("/tags/list"),
          r -> {
            int page = r.query("last").isEmpty() ? 0 : Integer.parseInt(r.query("last").get(0));
            Response resp = Response.json(200, "{\"tags\":[\"" + (page + 1) + "\"]}");
            return page < 2
                ? resp.with(
                    "Link", "<" + r.uri().getPath() + "?last=" + (page + 1) + ">; rel=\"next\"")
                : resp;
          });
      registry.latency(LATENCY);
      Result first;
      Result second;
      try (OciAvailableImageData data = create(registry.authority())) {
        first = refresh(data, registry, registry.authority());
        second = refresh(data, registry, registry.authority());
      }
      report("anonymous, 3 pages", first, second, 0, 3);
      assertThat(first.requests()).isEqualTo(3L * REPOSITORIES);
    }
  }

  private static OciAvailableImageData create(String insecure) throws Exception {
    Path dockerConfig = Files.createTempFile("bench-docker", ".json");
    Files.writeString(dockerConfig, "{}");
    dockerConfig.toFile().deleteOnExit();
    Map<String, String> config = new HashMap<>();
    config.put("insecure-registries", insecure);
    config.put("max-concurrency-per-host", String.valueOf(PER_HOST));
    config.put("docker-config", dockerConfig.toString());
    return new GenericRegistryProvider().create(PluginConfig.of("inspectr.registry", config));
  }

  private static Result refresh(OciAvailableImageData data, FakeRegistry registry, String host)
      throws Exception {
    long before = registry.requests().size();
    ExecutorService callers = Executors.newFixedThreadPool(CALLER_THREADS);
    try {
      long start = System.nanoTime();
      List<Future<?>> lookups = new ArrayList<>();
      for (int i = 0; i < REPOSITORIES; i++) {
        Repository repo = Repository.parse(host + "/bench/app" + i);
        lookups.add(callers.submit(() -> data.tags(repo, LookupCredentials.none())));
      }
      for (Future<?> f : lookups) {
        f.get();
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      return new Result(registry.requests().size() - before, wall, registry.maxInFlight());
    } finally {
      callers.shutdownNow();
    }
  }

  private static void report(
      String scenario, Result first, Result second, long tokens, int roundTripsPerRepository) {
    long bound =
        (long) Math.ceil((double) REPOSITORIES / PER_HOST)
            * LATENCY.toMillis()
            * roundTripsPerRepository;
    double budget = 1.25 * bound + 1000;
    System.out.printf(
        Locale.ROOT,
        "%n[%s] R=%d C=%d L=%dms: requests/repository %.3f, token requests %d, max in flight %d,"
            + " wall %d ms, bound ceil(R/C) x %d x L = %d ms, budget %.0f ms (%s); second refresh"
            + " within TTL: %d requests, %d ms%n",
        scenario,
        REPOSITORIES,
        PER_HOST,
        LATENCY.toMillis(),
        (double) first.requests() / REPOSITORIES,
        tokens,
        first.maxInFlight(),
        first.wall().toMillis(),
        roundTripsPerRepository,
        bound,
        budget,
        first.wall().toMillis() <= budget ? "within" : "OVER",
        second.requests(),
        second.wall().toMillis());
  }

  private record Result(long requests, Duration wall, int maxInFlight) {}
}
