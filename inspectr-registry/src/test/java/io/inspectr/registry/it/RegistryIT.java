package io.inspectr.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.config.Secret;
import io.inspectr.core.image.Digest;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.ImageNotFoundException;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.ManifestDigest;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.core.spi.RegistryUnauthorizedException;
import io.inspectr.registry.OciAvailableImageData;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.internal.RegistryErrors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The registry module against the real distribution registry, in each of its auth modes. */
class RegistryIT {
  private static final String USER = "inspectr";
  private static final String PASSWORD = "It-Pa55word";

  private static Path emptyDockerConfig;

  @BeforeAll
  static void dockerConfig() throws Exception {
    emptyDockerConfig = Files.createTempFile("inspectr-it-docker", ".json");
    Files.writeString(emptyDockerConfig, "{\"auths\":{}}");
  }

  @AfterAll
  static void removeDockerConfig() throws Exception {
    Files.deleteIfExists(emptyDockerConfig);
  }

  private static OciAvailableImageData generic(String insecure, Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(extra);
    config.put("docker-config", emptyDockerConfig.toString());
    if (!insecure.isEmpty()) {
      config.put("insecure-registries", insecure);
    }
    config.putIfAbsent("cache-ttl", "0s");
    return new GenericRegistryProvider().create(PluginConfig.of("inspectr.registry", config));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Anonymous {
    private LocalRegistry registry;
    private ImagePusher pusher;
    private OciAvailableImageData data;
    private Repository app;

    @BeforeAll
    void start() throws Exception {
      registry = LocalRegistry.anonymous();
      pusher = new ImagePusher(registry.authority(), repo -> "");
      data = generic(registry.authority(), Map.of());
      app = Repository.parse(registry.authority() + "/team/app");
    }

    @AfterAll
    void stop() throws Exception {
      data.close();
      registry.close();
    }

    @Test
    void listsThePushedTags() throws Exception {
      pusher.pushImage("team/app", "1.2.0", "amd64", "a");
      pusher.pushImage("team/app", "1.2.1", "amd64", "b");
      pusher.pushImage("team/app", "1.3.0-alpine", "amd64", "c");

      assertThat(data.tags(app, LookupCredentials.none()).tags())
          .contains("1.2.0", "1.2.1", "1.3.0-alpine")
          .doesNotHaveDuplicates();
    }

    @Test
    void readsTheDigestOfASingleArchImageByHead() throws Exception {
      ImagePusher.Pushed pushed = pusher.pushImage("team/app", "2.0.0", "amd64", "single");

      ManifestDigest digest = data.digest(app, "2.0.0", LookupCredentials.none());

      assertThat(digest.digest()).isEqualTo(Digest.parse(pushed.digest()));
      assertThat(digest.mediaType()).isEqualTo(ImagePusher.OCI_MANIFEST);
      assertThat(digest.isIndex()).isFalse();
    }

    @Test
    void readsAMultiArchIndexAndItsChildren() throws Exception {
      ImagePusher.Pushed amd64 = pusher.pushImage("team/multi", "amd64", "amd64", "m1");
      ImagePusher.Pushed arm64 = pusher.pushImage("team/multi", "arm64", "arm64", "m2");
      ImagePusher.Pushed index = pusher.pushIndex("team/multi", "3.0.0", List.of(amd64, arm64));
      Repository multi = Repository.parse(registry.authority() + "/team/multi");

      ManifestDigest digest = data.digest(multi, "3.0.0", LookupCredentials.none());

      // The index digest, as containerd reports it, not the amd64 child's.
      assertThat(digest.digest()).isEqualTo(Digest.parse(index.digest()));
      assertThat(digest.isIndex()).isTrue();
      assertThat(data.childDigests(multi, digest.digest(), LookupCredentials.none()))
          .containsExactly(Digest.parse(amd64.digest()), Digest.parse(arm64.digest()));
    }

    @Test
    void detectsARepushedMutableTagByHead() throws Exception {
      ImagePusher.Pushed before = pusher.pushImage("team/app", "latest", "amd64", "before");
      Digest first = data.digest(app, "latest", LookupCredentials.none()).digest();

      ImagePusher.Pushed after = pusher.pushImage("team/app", "latest", "amd64", "after");
      Digest second = data.digest(app, "latest", LookupCredentials.none()).digest();

      assertThat(first).isEqualTo(Digest.parse(before.digest()));
      assertThat(second).isEqualTo(Digest.parse(after.digest())).isNotEqualTo(first);
    }

    @Test
    void reportsUnknownRepositoriesAndTagsAsNotFound() throws Exception {
      pusher.pushImage("team/app", "1.0.0", "amd64", "x");

      assertThatThrownBy(
              () ->
                  data.tags(
                      Repository.parse(registry.authority() + "/team/nope"),
                      LookupCredentials.none()))
          .isInstanceOf(ImageNotFoundException.class)
          .hasMessageContaining("NAME_UNKNOWN");
      assertThatThrownBy(() -> data.digest(app, "9.9.9", LookupCredentials.none()))
          .isInstanceOf(ImageNotFoundException.class);
    }

    @Test
    void usesTlsUnlessTheRegistryIsListedAsInsecure() {
      try (OciAvailableImageData strict = generic("", Map.of())) {
        assertThatThrownBy(() -> strict.tags(app, LookupCredentials.none()))
            .isInstanceOf(RegistryAccessException.class)
            .hasMessageContaining("TLS with " + registry.authority() + " failed")
            .hasMessageContaining("INSPECTR_INSECURE_REGISTRIES");
      }
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Htpasswd {
    private LocalRegistry registry;
    private Repository app;

    @BeforeAll
    void start() throws Exception {
      registry = LocalRegistry.htpasswd(USER, PASSWORD);
      new ImagePusher(registry.authority(), repo -> basic(USER, PASSWORD))
          .pushImage("team/app", "1.0.0", "amd64", "h");
      app = Repository.parse(registry.authority() + "/team/app");
    }

    @AfterAll
    void stop() throws Exception {
      registry.close();
    }

    private Map<String, String> auth(String password) {
      return Map.of(
          "auth.it.registry", registry.authority(),
          "auth.it.username", USER,
          "auth.it.password", password);
    }

    @Test
    void listsWithTheRightCredentials() throws Exception {
      try (OciAvailableImageData data = generic(registry.authority(), auth(PASSWORD))) {
        assertThat(data.tags(app, LookupCredentials.none()).tags()).containsExactly("1.0.0");
        assertThat(data.digest(app, "1.0.0", LookupCredentials.none()).mediaType())
            .isEqualTo(ImagePusher.OCI_MANIFEST);
      }
    }

    @Test
    void listsWithCredentialsFromAPullSecret() throws Exception {
      String auth =
          Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      LookupCredentials secret =
          new LookupCredentials(
              List.of(
                  Secret.of(
                      "{\"auths\":{\"http://"
                          + registry.authority()
                          + "\":{\"auth\":\""
                          + auth
                          + "\"}}}")));
      try (OciAvailableImageData data = generic(registry.authority(), Map.of())) {
        assertThat(data.tags(app, secret).tags()).containsExactly("1.0.0");
      }
    }

    @Test
    void refusesWrongCredentialsWithoutShowingThem() {
      try (OciAvailableImageData data = generic(registry.authority(), auth("Wrong-Password"))) {
        assertThatThrownBy(() -> data.tags(app, LookupCredentials.none()))
            .isInstanceOf(RegistryUnauthorizedException.class)
            .hasMessageContaining("answered 401")
            .hasMessageContaining(
                String.format(RegistryErrors.CHECK_CREDENTIALS, registry.authority(), "team/app"))
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Wrong-Password"));
      }
    }

    @Test
    void asksForCredentialsWhenThereAreNone() {
      try (OciAvailableImageData data = generic(registry.authority(), Map.of())) {
        assertThatThrownBy(() -> data.tags(app, LookupCredentials.none()))
            .isInstanceOf(RegistryUnauthorizedException.class)
            .hasMessageContaining(
                String.format(RegistryErrors.ADD_CREDENTIALS, registry.authority()));
      }
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class TokenAuth {
    private TokenServer tokens;
    private LocalRegistry registry;
    private Repository app;
    private ImagePusher.Pushed pushed;

    @BeforeAll
    void start() throws Exception {
      tokens = new TokenServer(USER, PASSWORD);
      registry = LocalRegistry.token(tokens);
      String push = "Bearer " + tokens.mint("repository:team/app:push,pull");
      pushed =
          new ImagePusher(registry.authority(), repo -> push)
              .pushImage("team/app", "1.0.0", "amd64", "t");
      app = Repository.parse(registry.authority() + "/team/app");
    }

    @AfterAll
    void stop() throws Exception {
      registry.close();
      tokens.close();
    }

    private OciAvailableImageData data(String password) {
      return generic(
          registry.authority() + "," + tokens.authority(),
          Map.of(
              "auth.it.registry", registry.authority(),
              "auth.it.username", USER,
              "auth.it.password", password));
    }

    @Test
    void listsAndReadsDigestsWithOneTokenPerScope() throws Exception {
      try (OciAvailableImageData data = data(PASSWORD)) {
        int before = tokens.requests();

        assertThat(data.tags(app, LookupCredentials.none()).tags()).containsExactly("1.0.0");
        assertThat(data.digest(app, "1.0.0", LookupCredentials.none()).digest())
            .isEqualTo(Digest.parse(pushed.digest()));
        assertThat(data.tags(app, LookupCredentials.none()).tags()).containsExactly("1.0.0");

        assertThat(tokens.requests() - before).isEqualTo(1);
      }
    }

    @Test
    void refusesWrongCredentialsAtTheTokenService() {
      try (OciAvailableImageData data = data("Wrong-Password")) {
        assertThatThrownBy(() -> data.tags(app, LookupCredentials.none()))
            .isInstanceOf(RegistryUnauthorizedException.class)
            .hasMessageContaining("the token service at " + tokens.authority() + " answered 401");
      }
    }

    @Test
    void reportsAnAnonymousTokenWithoutAccessAsUnauthorized() {
      try (OciAvailableImageData data =
          generic(registry.authority() + "," + tokens.authority(), Map.of())) {
        assertThatThrownBy(() -> data.tags(app, LookupCredentials.none()))
            .isInstanceOf(RegistryUnauthorizedException.class)
            .hasMessageContaining("answered 401 (UNAUTHORIZED");
      }
    }
  }
}
