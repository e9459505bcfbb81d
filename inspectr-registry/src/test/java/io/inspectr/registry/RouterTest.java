package io.inspectr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.image.Digest;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.AvailableImageData;
import io.inspectr.core.spi.AvailableImageDataProvider;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.ManifestDigest;
import io.inspectr.core.spi.RepositoryTags;
import io.inspectr.registry.dockerhub.DockerHubProvider;
import io.inspectr.registry.ecr.EcrProvider;
import io.inspectr.registry.gcr.GcrProvider;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.ghcr.GhcrProvider;
import io.inspectr.registry.internal.Delayer;
import io.inspectr.registry.quay.QuayProvider;
import io.inspectr.registry.testing.FakeRegistry;
import io.inspectr.registry.testing.FakeRegistry.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which provider serves which repository, and how providers are loaded and configured. */
class RouterTest {
  private final Registries registries = new Registries();

  @AfterEach
  void stop() throws Exception {
    registries.close();
  }

  private static List<AvailableImageDataProvider> loaded() {
    List<AvailableImageDataProvider> all = new ArrayList<>();
    ServiceLoader.load(AvailableImageDataProvider.class, RouterTest.class.getClassLoader())
        .forEach(all::add);
    return all;
  }

  @Test
  void findsEveryFirstPartyProviderThroughServiceLoader() {
    assertThat(loaded())
        .extracting(AvailableImageDataProvider::id)
        .containsExactlyInAnyOrder(
            DockerHubProvider.ID,
            GhcrProvider.ID,
            QuayProvider.ID,
            GcrProvider.ID,
            EcrProvider.ID,
            GenericRegistryProvider.ID);
  }

  @Test
  void sendsEachRepositoryToTheMostSpecificProviderAndTheRestToGeneric() {
    RegistryRouter router = registries.router(loaded(), Map.of(), Clock.systemUTC(), Delayer.TIMER);

    assertThat(router.providerId(Repository.parse("nginx"))).contains("dockerhub");
    assertThat(router.providerId(Repository.parse("bitnami/redis"))).contains("dockerhub");
    assertThat(router.providerId(Repository.parse("ghcr.io/org/app"))).contains("ghcr");
    assertThat(router.providerId(Repository.parse("quay.io/coreos/etcd"))).contains("quay");
    assertThat(router.providerId(Repository.parse("gcr.io/proj/app"))).contains("gcr");
    assertThat(router.providerId(Repository.parse("eu.gcr.io/proj/app"))).contains("gcr");
    assertThat(router.providerId(Repository.parse("europe-west1-docker.pkg.dev/p/r/app")))
        .contains("gcr");
    assertThat(
            router.providerId(
                Repository.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api")))
        .contains("ecr");
    assertThat(router.providerId(Repository.parse("public.ecr.aws/nginx/nginx")))
        .contains("generic");
    assertThat(router.providerId(Repository.parse("registry.example.com:5000/team/app")))
        .contains("generic");
  }

  @Test
  void aThirdPartyProviderWithHigherPriorityWins() {
    List<AvailableImageDataProvider> providers = new ArrayList<>(loaded());
    providers.add(new Custom("acme", 200));
    RegistryRouter router =
        registries.router(providers, Map.of(), Clock.systemUTC(), Delayer.TIMER);

    assertThat(router.providerId(Repository.parse("ghcr.io/org/app"))).contains("acme");
  }

  @Test
  void looksAMirrorUpAsItsUpstream() throws Exception {
    try (FakeRegistry upstream = FakeRegistry.start()) {
      upstream.on(
          "GET", "/v2/library/nginx/tags/list", r -> Response.json(200, "{\"tags\":[\"1.27\"]}"));
      RegistryRouter router =
          registries.router(
              loaded(),
              Map.of(
                  "lookup-overrides", "mirror.example.com/dockerhub=docker.io",
                  "insecure-registries", upstream.authority(),
                  "dockerhub.api-host", upstream.authority()),
              Clock.systemUTC(),
              Delayer.TIMER);
      Repository mirrored = Repository.parse("mirror.example.com/dockerhub/library/nginx");

      assertThat(router.lookupRepository(mirrored)).isEqualTo(Repository.parse("nginx"));
      assertThat(router.providerId(mirrored)).contains("dockerhub");
      RepositoryTags tags = router.tags(mirrored, LookupCredentials.none());
      assertThat(tags.repository()).isEqualTo(mirrored);
      assertThat(tags.tags()).containsExactly("1.27");
    }
  }

  @Test
  void findsTheDockerConfigThroughTheEnvironmentItIsGiven(@TempDir Path home) throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("robot:Pa55".getBytes(StandardCharsets.UTF_8));
    try (FakeRegistry registry = FakeRegistry.start()) {
      registry.on(
          "GET",
          "/v2/team/app/tags/list",
          r ->
              r.header("Authorization").equals(Optional.of(basic))
                  ? Response.json(200, "{\"tags\":[\"1.0\"]}")
                  : Response.empty(401).with("WWW-Authenticate", "Basic realm=\"r\""));
      Path docker = Files.createDirectories(home.resolve(".docker"));
      Files.writeString(
          docker.resolve("config.json"),
          "{\"auths\":{\""
              + registry.authority()
              + "\":{\"auth\":\""
              + basic.substring("Basic ".length())
              + "\"}}}");
      // No docker-config key: the docker config is found through HOME of the given environment.
      PluginConfig config =
          PluginConfig.of("inspectr.registry", Map.of("insecure-registries", registry.authority()));

      try (RegistryRouter router =
          RegistryRouter.load(
              config, RouterTest.class.getClassLoader(), Map.of("HOME", home.toString()))) {
        assertThat(
                router
                    .tags(
                        Repository.parse(registry.authority() + "/team/app"),
                        LookupCredentials.none())
                    .tags())
            .containsExactly("1.0");
      }
      assertThat(registry.count(r -> r.header("Authorization").equals(Optional.of(basic))))
          .isEqualTo(1);
    }
  }

  @Test
  void rejectsTwoProvidersWithOneId() {
    List<AvailableImageDataProvider> providers = List.of(new Custom("x", 1), new Custom("x", 2));

    assertThatThrownBy(
            () -> registries.router(providers, Map.of(), Clock.systemUTC(), Delayer.TIMER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Two registry providers have the id 'x'");
  }

  @Test
  void reportsTheProblemsOfEveryProviderAtOnce() {
    PluginConfig config =
        registries.config(
            Map.of(
                "ecr.page-size", "2000",
                "quay.page-size", "500",
                "dockerhub.api-host", "not a host"));

    assertThatThrownBy(() -> RegistryRouter.of(loaded(), config, registries.environment()))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.key())
                    .containsExactlyInAnyOrder(
                        "inspectr.registry.ecr.page-size",
                        "inspectr.registry.quay.page-size",
                        "inspectr.registry.dockerhub.api-host"));
  }

  @Test
  void rejectsEcrCredentialsThatAreNotAnEcrToken() {
    PluginConfig config = registries.config(Map.of("ecr.authorization-token", "bm90LWEtdG9rZW4="));

    assertThatThrownBy(() -> RegistryRouter.of(loaded(), config, registries.environment()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("inspectr.registry.ecr.authorization-token was '****'");
  }

  private record Custom(String id, int priority) implements AvailableImageDataProvider {
    @Override
    public boolean supports(Repository repository) {
      return true;
    }

    @Override
    public AvailableImageData create(PluginConfig config) {
      return new AvailableImageData() {
        @Override
        public RepositoryTags tags(Repository repository, LookupCredentials credentials) {
          return RepositoryTags.of(repository, List.of());
        }

        @Override
        public ManifestDigest digest(
            Repository repository, String tag, LookupCredentials credentials) {
          throw new AssertionError("the routing tests never ask this fake for a digest");
        }

        @Override
        public List<Digest> childDigests(
            Repository repository, Digest index, LookupCredentials credentials) {
          return List.of();
        }
      };
    }
  }
}
