package io.inspectr.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.ImageNotFoundException;
import io.inspectr.core.spi.RateLimitedException;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.core.spi.RegistryUnauthorizedException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one mapping from statuses and error bodies to the core exceptions. */
class RegistryErrorsTest {
  private static final Repository REPO = Repository.parse("ghcr.io/org/app");

  private static RegistryAccessException of(int status, String body, Map<String, String> headers) {
    Map<String, List<String>> h = new java.util.HashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    HttpResult r =
        new HttpResult(
            status,
            URI.create("https://ghcr.io/v2/org/app/tags/list"),
            h,
            body.getBytes(StandardCharsets.UTF_8));
    return RegistryErrors.fromResponse(
        "list the tags", REPO, "the registry ghcr.io", r, false, Clock.systemUTC());
  }

  @Test
  void mapsEachStatusToItsType() {
    assertThat(of(401, "", Map.of())).isInstanceOf(RegistryUnauthorizedException.class);
    assertThat(of(403, "", Map.of())).isInstanceOf(RegistryUnauthorizedException.class);
    assertThat(of(404, "", Map.of())).isInstanceOf(ImageNotFoundException.class);
    assertThat(of(429, "", Map.of("Retry-After", "30")))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    assertThat(of(503, "", Map.of()))
        .isNotInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(e.isRetryable()).isTrue());
    assertThat(of(400, "", Map.of()).isRetryable()).isFalse();
  }

  @Test
  void quotesTheRegistrysErrorCodesAndMessages() {
    assertThat(
            of(
                    404,
                    "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\",\"detail\":{}}]}",
                    Map.of())
                .getMessage())
        .isEqualTo(
            "Tried to list the tags for ghcr.io/org/app but failed because: the registry ghcr.io"
                + " answered 404 (NAME_UNKNOWN: repository name not known to registry), perhaps the"
                + " name or tag is misspelled");
  }

  @Test
  void quotesAShortPieceOfAPlainTextBody() {
    assertThat(of(404, "404 page not found\n", Map.of()).getMessage())
        .contains("answered 404 (\"404 page not found\")");
    assertThat(of(500, "x".repeat(500), Map.of()).getMessage())
        .contains("\"" + "x".repeat(RegistryErrors.MAX_QUOTED_BODY) + "...\"");
  }
}
