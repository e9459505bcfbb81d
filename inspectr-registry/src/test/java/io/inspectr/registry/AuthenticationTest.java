package io.inspectr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.Secret;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.RegistryUnauthorizedException;
import io.inspectr.core.testing.MutableClock;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.ghcr.GhcrProvider;
import io.inspectr.registry.internal.DockerConfigFile;
import io.inspectr.registry.internal.RegistryErrors;
import io.inspectr.registry.testing.FakeRegistry;
import io.inspectr.registry.testing.FakeRegistry.Request;
import io.inspectr.registry.testing.FakeRegistry.Response;
import io.inspectr.registry.testing.RecordingDelayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token flow, Basic auth, and where credentials come from. */
class AuthenticationTest {
  private FakeRegistry registry;
  private FakeRegistry tokens;
  private Registries registries;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final AtomicInteger issued = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    registry = FakeRegistry.start();
    tokens = FakeRegistry.start();
    registries = new Registries();
  }

  @AfterEach
  void stop() throws Exception {
    registries.close();
    registry.close();
    tokens.close();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A registry in token mode: a token is "tok-<n>-<scope>", valid for its scope only. */
  private void tokenMode(String tokenField, String expiresIn, String requiredBasic) {
    tokens.on(
        "GET",
        "/token",
        r -> {
          if (requiredBasic != null
              && !r.header("Authorization").equals(java.util.Optional.of(requiredBasic))) {
            return Response.json(401, "{\"details\":\"incorrect username or password\"}");
          }
          String token = "tok-" + issued.incrementAndGet() + "-" + r.query("scope").get(0);
          return Response.json(
              200,
              "{\""
                  + tokenField
                  + "\":\""
                  + token
                  + "\""
                  + (expiresIn == null ? "" : ",\"expires_in\":" + expiresIn)
                  + "}");
        });
    registry.on(
        r -> r.uri().getPath().endsWith("/tags/list"),
        r -> {
          String repo = r.uri().getPath().replace("/v2/", "").replace("/tags/list", "");
          String scope = "repository:" + repo + ":pull";
          boolean ok =
              r.header("Authorization")
                  .map(h -> h.startsWith("Bearer tok-") && h.endsWith("-" + scope))
                  .orElse(false);
          if (!ok) {
            return Response.json(
                    401,
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}")
                .with(
                    "WWW-Authenticate",
                    "Bearer realm=\""
                        + tokens.url("/token")
                        + "\",service=\"fake\",scope=\""
                        + scope
                        + "\"");
          }
          return Response.json(200, "{\"tags\":[\"1.0\"]}");
        });
  }

  private OciAvailableImageData generic(Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(extra);
    config.put("insecure-registries", registry.authority() + "," + tokens.authority());
    config.put("cache-ttl", "0s");
    return registries.create(new GenericRegistryProvider(), config, clock, new RecordingDelayer());
  }

  private Repository repo(String path) {
    return Repository.parse(registry.authority() + "/" + path);
  }

  @Test
  void getsAnAnonymousTokenFromTheRealmAndReusesItUntilItExpires() throws Exception {
    tokenMode("token", "300", null);
    OciAvailableImageData data = generic(Map.of());

    data.tags(repo("team/app"), LookupCredentials.none());
    data.tags(repo("team/app"), LookupCredentials.none());
    clock.advance(Duration.ofSeconds(296));
    data.tags(repo("team/app"), LookupCredentials.none());

    assertThat(tokens.requests()).hasSize(2);
    Request first = tokens.requests().get(0);
    assertThat(first.query("service")).containsExactly("fake");
    assertThat(first.query("scope")).containsExactly("repository:team/app:pull");
    assertThat(first.header("Authorization")).isEmpty();
    // One 401 to learn the challenge; after that tokens are fetched before asking.
    assertThat(registry.count(r -> r.header("Authorization").isEmpty())).isEqualTo(1);
  }

  @Test
  void readsAccessTokenAndDefaultsTheLifetimeTo60Seconds() throws Exception {
    tokenMode("access_token", null, null);
    OciAvailableImageData data = generic(Map.of());

    data.tags(repo("team/app"), LookupCredentials.none());
    clock.advance(Duration.ofSeconds(30));
    data.tags(repo("team/app"), LookupCredentials.none());
    assertThat(tokens.requests()).hasSize(1);
    clock.advance(Duration.ofSeconds(31));
    data.tags(repo("team/app"), LookupCredentials.none());
    assertThat(tokens.requests()).hasSize(2);
  }

  @Test
  void asksForANewScopeBeforeTheFirstRequestOfAnotherRepository() throws Exception {
    tokenMode("token", "300", null);
    OciAvailableImageData data = generic(Map.of());

    data.tags(repo("team/app"), LookupCredentials.none());
    data.tags(repo("team/other"), LookupCredentials.none());

    assertThat(tokens.requests())
        .extracting(r -> r.query("scope").get(0))
        .containsExactly("repository:team/app:pull", "repository:team/other:pull");
    assertThat(registry.requests()).hasSize(3);
  }

  @Test
  void sendsPullSecretCredentialsToTheTokenServiceOnly() throws Exception {
    String expected = basic("ci-bot", "pull-Secret-1");
    tokenMode("token", "300", expected);
    String auth =
        Base64.getEncoder().encodeToString("ci-bot:pull-Secret-1".getBytes(StandardCharsets.UTF_8));
    LookupCredentials secrets =
        new LookupCredentials(
            List.of(
                Secret.of(
                    "{\"auths\":{\"" + registry.authority() + "\":{\"auth\":\"" + auth + "\"}}}")));
    OciAvailableImageData data = generic(Map.of());

    assertThat(data.tags(repo("team/app"), secrets).tags()).containsExactly("1.0");
    assertThat(tokens.requests().get(0).header("Authorization")).contains(expected);
    assertThat(
            registry.count(
                r -> r.header("Authorization").map(h -> h.startsWith("Basic")).orElse(false)))
        .isZero();
  }

  @Test
  void reportsRefusedCredentialsAsUnauthorizedWithAFix() {
    tokenMode("token", "300", basic("ci-bot", "right"));
    OciAvailableImageData data =
        generic(
            Map.of(
                "auth.a.registry", registry.authority(),
                "auth.a.username", "ci-bot",
                "auth.a.password", "wrong-Password"));

    assertThatThrownBy(() -> data.tags(repo("team/app"), LookupCredentials.none()))
        .isInstanceOf(RegistryUnauthorizedException.class)
        .hasMessageContaining("the token service at " + tokens.authority() + " answered 401")
        .hasMessageContaining(
            String.format(RegistryErrors.CHECK_CREDENTIALS, registry.authority(), "team/app"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-Password"));
  }

  @Test
  void usesBasicWhenTheRegistryAsksForIt() throws Exception {
    String expected = basic("alice", "pw-Alice");
    registry.on(
        "GET",
        "/v2/team/app/tags/list",
        r ->
            r.header("Authorization").equals(java.util.Optional.of(expected))
                ? Response.json(200, "{\"tags\":[\"2.0\"]}")
                : Response.json(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}")
                    .with("WWW-Authenticate", "Basic realm=\"my-realm\""));
    OciAvailableImageData data =
        generic(
            Map.of(
                "auth.a.registry", registry.authority(),
                "auth.a.username", "alice",
                "auth.a.password", "pw-Alice"));

    assertThat(data.tags(repo("team/app"), LookupCredentials.none()).tags()).containsExactly("2.0");
    assertThat(data.tags(repo("team/app"), LookupCredentials.none()).tags()).containsExactly("2.0");
    // The second lookup sends Basic at once.
    assertThat(registry.requests()).hasSize(3);
  }

  @Test
  void readsTheDockerConfigAgainWhenItChanges(@TempDir Path dir) throws Exception {
    registry.on(
        "GET",
        "/v2/team/app/tags/list",
        r ->
            r.header("Authorization").isPresent()
                ? Response.json(200, "{\"tags\":[\"2.0\"]}")
                : Response.empty(401).with("WWW-Authenticate", "Basic realm=\"my-realm\""));
    Path file = dir.resolve("config.json");
    writeDockerConfig(file, "AWS", "first-token");
    OciAvailableImageData data = generic(Map.of("docker-config", file.toString()));
    data.tags(repo("team/app"), LookupCredentials.none());

    // Renewed like a mounted Secret: new content, a new modification time.
    writeDockerConfig(file, "AWS", "second-token-a-little-longer");
    Files.setLastModifiedTime(
        file, FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(60)));
    data.tags(repo("team/app"), LookupCredentials.none());
    clock.advance(DockerConfigFile.RECHECK_EVERY);
    data.tags(repo("team/app"), LookupCredentials.none());

    assertThat(registry.requests())
        .map(r -> r.header("Authorization").orElse("none"))
        .containsExactly(
            "none",
            basic("AWS", "first-token"),
            // Looked at again only after RECHECK_EVERY.
            basic("AWS", "first-token"),
            basic("AWS", "second-token-a-little-longer"));
  }

  private void writeDockerConfig(Path file, String user, String password)
      throws java.io.IOException {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        file, "{\"auths\":{\"" + registry.authority() + "\":{\"auth\":\"" + auth + "\"}}}");
  }

  @Test
  void saysWhereToAddCredentialsWhenThereAreNone() {
    registry.on(
        "GET",
        "/v2/team/app/tags/list",
        r ->
            Response.json(
                    401,
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}")
                .with("WWW-Authenticate", "Basic realm=\"my-realm\""));
    OciAvailableImageData data = generic(Map.of());

    assertThatThrownBy(() -> data.tags(repo("team/app"), LookupCredentials.none()))
        .isInstanceOf(RegistryUnauthorizedException.class)
        .hasMessageContaining("answered 401 (UNAUTHORIZED: authentication required)")
        .hasMessageContaining(String.format(RegistryErrors.ADD_CREDENTIALS, registry.authority()));
  }

  @Test
  void neverSendsBasicToGhcrsRegistryApi() throws Exception {
    String expected = basic("octocat", "ghp_token");
    tokenMode("token", "300", expected);
    OciAvailableImageData ghcr =
        registries.create(
            new GhcrProvider(),
            Map.of(
                "insecure-registries", registry.authority() + "," + tokens.authority(),
                "ghcr.api-host", registry.authority(),
                "auth.gh.registry", "ghcr.io",
                "auth.gh.username", "octocat",
                "auth.gh.password", "ghp_token"),
            clock,
            new RecordingDelayer());

    assertThat(ghcr.tags(Repository.parse("ghcr.io/org/app"), LookupCredentials.none()).tags())
        .containsExactly("1.0");
    assertThat(
            registry.count(
                r -> r.header("Authorization").map(h -> h.startsWith("Basic")).orElse(false)))
        .isZero();
    assertThat(tokens.requests().get(0).header("Authorization")).contains(expected);
  }
}
