package io.inspectr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.core.spi.RepositoryTags;
import io.inspectr.registry.dockerhub.DockerHubProvider;
import io.inspectr.registry.ecr.EcrProvider;
import io.inspectr.registry.gcr.GcrProvider;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.ghcr.GhcrProvider;
import io.inspectr.registry.internal.RegistryClient;
import io.inspectr.registry.quay.QuayProvider;
import io.inspectr.registry.testing.FakeRegistry;
import io.inspectr.registry.testing.FakeRegistry.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each registry's way of paging {@code tags/list}, followed to the end. */
class PaginationTest {
  private FakeRegistry fake;
  private Registries registries;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRegistry.start();
    registries = new Registries();
  }

  @AfterEach
  void stop() throws Exception {
    registries.close();
    fake.close();
  }

  private Map<String, String> via(String providerId) {
    return Map.of(
        "insecure-registries", fake.authority(), providerId + ".api-host", fake.authority());
  }

  @Test
  void followsDockerHubRelativeLinksWithLastCursor() throws Exception {
    String path = "/v2/library/nginx/tags/list";
    fake.on(
        r -> r.uri().getPath().equals(path) && r.query("last").isEmpty(),
        r ->
            Response.json(200, "{\"name\":\"library/nginx\",\"tags\":[\"1.25\",\"1.26\"]}")
                .with("Link", "<" + path + "?last=1.26&n=2>; rel=\"next\""));
    fake.on(
        r -> r.uri().getPath().equals(path) && r.query("last").equals(List.of("1.26")),
        r -> Response.json(200, "{\"name\":\"library/nginx\",\"tags\":[\"1.27\"]}"));
    OciAvailableImageData hub =
        registries.create(new DockerHubProvider(), via(DockerHubProvider.ID));

    RepositoryTags tags = hub.tags(Repository.parse("nginx"), LookupCredentials.none());

    assertThat(tags.repository()).isEqualTo(Repository.parse("docker.io/library/nginx"));
    assertThat(tags.tags()).containsExactly("1.25", "1.26", "1.27");
    assertThat(fake.requests()).hasSize(2);
    assertThat(fake.requests().get(0).query("n")).containsExactly("1000");
  }

  @Test
  void readsEveryGhcrPageBecauseTheNewestTagsComeLast() throws Exception {
    String path = "/v2/org/app/tags/list";
    for (int page = 0; page < 3; page++) {
      int p = page;
      fake.on(
          r ->
              r.uri().getPath().equals(path)
                  && r.query("last").equals(p == 0 ? List.of() : List.of("v" + (p * 2))),
          r ->
              withNext(
                  Response.json(
                      200,
                      "{\"name\":\"org/app\",\"tags\":[\"v"
                          + (p * 2 + 1)
                          + "\",\"v"
                          + (p * 2 + 2)
                          + "\"]}"),
                  p < 2 ? "</v2/org/app/tags/list?last=v" + (p * 2 + 2) + "&n=2>" : null));
    }
    OciAvailableImageData ghcr = registries.create(new GhcrProvider(), via(GhcrProvider.ID));

    RepositoryTags tags = ghcr.tags(Repository.parse("ghcr.io/org/app"), LookupCredentials.none());

    assertThat(tags.tags()).containsExactly("v1", "v2", "v3", "v4", "v5", "v6");
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void followsQuayAbsoluteLinksWithOpaqueCursorsAndAsksForPagesOf100() throws Exception {
    String path = "/v2/coreos/etcd/tags/list";
    String cursor = "gAAAAABk-opaque_cursor%3D%3D";
    fake.on(
        r -> r.uri().getPath().equals(path) && r.query("next_page").isEmpty(),
        r ->
            Response.json(200, "{\"tags\":[\"v3.5.0\",\"v3.5.1\"]}")
                .with(
                    "Link",
                    "<" + fake.url(path + "?n=100&next_page=" + cursor) + ">; rel=\"next\""));
    fake.on(
        r -> r.uri().getPath().equals(path) && !r.query("next_page").isEmpty(),
        r -> Response.json(200, "{\"tags\":[\"v3.5.2\"]}"));
    OciAvailableImageData quay = registries.create(new QuayProvider(), via(QuayProvider.ID));

    RepositoryTags tags =
        quay.tags(Repository.parse("quay.io/coreos/etcd"), LookupCredentials.none());

    assertThat(tags.tags()).containsExactly("v3.5.0", "v3.5.1", "v3.5.2");
    assertThat(fake.requests().get(0).query("n")).containsExactly("100");
    // The cursor went back exactly as the registry wrote it.
    assertThat(fake.requests().get(1).uri().getRawQuery()).contains("next_page=" + cursor);
  }

  @Test
  void staysWithinEcrsPageLimitAndFollowsItsOpaqueLastToken() throws Exception {
    String path = "/v2/team/api/tags/list";
    fake.on(
        r ->
            r.uri().getPath().equals(path)
                && Integer.parseInt(r.query("n").stream().findFirst().orElse("100")) > 1000,
        r ->
            Response.json(
                400,
                "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"maxResults must be <= 1000\"}]}"));
    fake.on(
        r -> r.uri().getPath().equals(path) && r.query("last").isEmpty(),
        r ->
            Response.json(200, "{\"name\":\"team/api\",\"tags\":[\"b\",\"a\"]}")
                .with(
                    "Link",
                    "<"
                        + fake.url(
                            path + "?last=ukD72mdD%2FmC8b5xV3susmJzzaTgp3hKwR9nRUW1yZZ6&n=1000")
                        + ">; rel=\"next\""));
    fake.on(
        r -> r.uri().getPath().equals(path),
        r -> Response.json(200, "{\"name\":\"team/api\",\"tags\":[\"c\"]}"));
    OciAvailableImageData ecr = registries.create(new EcrProvider(), via(EcrProvider.ID));

    RepositoryTags tags =
        ecr.tags(
            Repository.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api"),
            LookupCredentials.none());

    assertThat(tags.tags()).containsExactly("b", "a", "c");
    assertThat(fake.requests()).allSatisfy(r -> assertThat(r.query("n")).containsExactly("1000"));
  }

  @Test
  void rejectsAPageSizeAboveTheRegistrysMaximum() {
    Map<String, String> config = Map.of("ecr.page-size", "5000");

    assertThatThrownBy(() -> registries.create(new EcrProvider(), config))
        .hasMessageContaining("inspectr.registry.ecr.page-size")
        .hasMessageContaining("from 0 to 1000");
  }

  @Test
  void readsGcrPushTimesFromStringsAndArtifactRegistryPushTimesFromNumbers() throws Exception {
    fake.on(
        "GET",
        "/v2/proj/app/tags/list",
        r ->
            Response.json(
                200,
                "{\"name\":\"proj/app\",\"tags\":[\"1.0\",\"1.1\",\"latest\"],\"manifest\":{"
                    + "\"sha256:aa\":{\"tag\":[\"1.0\"],\"timeUploadedMs\":\"1700000000000\","
                    + "\"timeCreatedMs\":\"0\"},"
                    + "\"sha256:bb\":{\"tag\":[\"1.1\",\"latest\"],\"timeUploadedMs\":1710000000000},"
                    + "\"sha256:cc\":{\"tag\":[],\"timeUploadedMs\":\"1\"}}}"));
    OciAvailableImageData gcr = registries.create(new GcrProvider(), via(GcrProvider.ID));

    RepositoryTags tags = gcr.tags(Repository.parse("gcr.io/proj/app"), LookupCredentials.none());

    assertThat(tags.tags()).containsExactly("1.0", "1.1", "latest");
    assertThat(tags.created())
        .containsEntry("1.0", Instant.ofEpochMilli(1_700_000_000_000L))
        .containsEntry("1.1", Instant.ofEpochMilli(1_710_000_000_000L))
        .containsEntry("latest", Instant.ofEpochMilli(1_710_000_000_000L))
        .hasSize(3);
  }

  @Test
  void dropsDuplicateTagsAndAcceptsANullTagList() throws Exception {
    String path = "/v2/team/app/tags/list";
    fake.on(
        r -> r.uri().getPath().equals(path) && r.query("last").isEmpty(),
        r ->
            Response.json(200, "{\"tags\":[\"a\",\"b\"]}")
                .with("Link", "<" + path + "?last=b>; rel=\"next\""));
    fake.on(
        r -> r.uri().getPath().equals(path) && r.query("last").equals(List.of("b")),
        r ->
            Response.json(200, "{\"tags\":[\"b\",\"c\"]}")
                .with("Link", "<" + path + "?last=c>; rel=\"next\""));
    fake.on("GET", path, r -> Response.json(200, "{\"name\":\"team/app\",\"tags\":null}"));
    OciAvailableImageData generic =
        registries.create(
            new GenericRegistryProvider(), Map.of("insecure-registries", fake.authority()));

    RepositoryTags tags =
        generic.tags(Repository.parse(fake.authority() + "/team/app"), LookupCredentials.none());

    assertThat(tags.tags()).containsExactly("a", "b", "c");
  }

  @Test
  void stopsWhenARegistrySendsTheSameNextLinkAgain() throws Exception {
    String path = "/v2/team/app/tags/list";
    fake.on(
        "GET",
        path,
        r ->
            Response.json(200, "{\"tags\":[\"a\"]}")
                .with("Link", "<" + path + "?last=a>; rel=\"next\""));
    OciAvailableImageData generic =
        registries.create(
            new GenericRegistryProvider(), Map.of("insecure-registries", fake.authority()));

    RepositoryTags tags =
        generic.tags(Repository.parse(fake.authority() + "/team/app"), LookupCredentials.none());

    assertThat(tags.tags()).containsExactly("a");
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void givesUpAfterTheMaximumNumberOfPages() {
    String path = "/v2/team/app/tags/list";
    fake.on(
        "GET",
        path,
        r -> {
          String next =
              "p"
                  + (r.query("last").isEmpty()
                      ? 0
                      : Integer.parseInt(r.query("last").get(0).substring(1)) + 1);
          return Response.json(200, "{\"tags\":[\"" + next + "\"]}")
              .with("Link", "<" + path + "?last=" + next + ">; rel=\"next\"");
        });
    OciAvailableImageData generic =
        registries.create(
            new GenericRegistryProvider(), Map.of("insecure-registries", fake.authority()));

    assertThatThrownBy(
            () ->
                generic.tags(
                    Repository.parse(fake.authority() + "/team/app"), LookupCredentials.none()))
        .isInstanceOf(RegistryAccessException.class)
        .hasMessageContaining("more than " + RegistryClient.MAX_PAGES + " pages");
    assertThat(fake.requests()).hasSize(RegistryClient.MAX_PAGES);
  }

  private static Response withNext(Response r, String link) {
    return link == null ? r : r.with("Link", link + "; rel=\"next\"");
  }
}
