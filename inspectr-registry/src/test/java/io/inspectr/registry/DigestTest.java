package io.inspectr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.image.Digest;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.ImageNotFoundException;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.ManifestDigest;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.registry.dockerhub.DockerHubProvider;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.internal.RegistryClient;
import io.inspectr.registry.testing.FakeRegistry;
import io.inspectr.registry.testing.FakeRegistry.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Digests by HEAD with every manifest type, the children of an index, Hub's quota headers. */
class DigestTest {
  private static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
  private static final String D1 = "sha256:" + "1".repeat(64);
  private static final String D2 = "sha256:" + "2".repeat(64);

  private FakeRegistry fake;
  private Registries registries;
  private OciAvailableImageData data;

  @BeforeEach
  void start() throws Exception {
    fake = FakeRegistry.start();
    registries = new Registries();
    data =
        registries.create(
            new GenericRegistryProvider(), Map.of("insecure-registries", fake.authority()));
  }

  @AfterEach
  void stop() throws Exception {
    registries.close();
    fake.close();
  }

  private Repository repo() {
    return Repository.parse(fake.authority() + "/team/app");
  }

  @Test
  void readsTheDigestByHeadWithEveryManifestType() throws Exception {
    fake.on(
        "HEAD",
        "/v2/team/app/manifests/latest",
        r ->
            Response.empty(200)
                .with("Docker-Content-Digest", D1)
                .with("Content-Type", INDEX_TYPE + "; charset=utf-8"));

    ManifestDigest digest = data.digest(repo(), "latest", LookupCredentials.none());

    assertThat(digest).isEqualTo(new ManifestDigest(Digest.parse(D1), INDEX_TYPE));
    assertThat(digest.isIndex()).isTrue();
    assertThat(fake.requests()).hasSize(1);
    assertThat(fake.requests().get(0).header("Accept")).contains(RegistryClient.MANIFEST_ACCEPT);
  }

  @Test
  void hashesTheManifestWhenTheRegistryLeavesOutTheDigestHeader() throws Exception {
    byte[] manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
            .getBytes(StandardCharsets.UTF_8);
    fake.on(
        r -> r.uri().getPath().equals("/v2/team/app/manifests/1.0"),
        r ->
            new Response(
                200,
                Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json"),
                manifest,
                -1));

    ManifestDigest digest = data.digest(repo(), "1.0", LookupCredentials.none());

    assertThat(digest.digest().toString()).isEqualTo(sha256(manifest));
    assertThat(fake.requests())
        .extracting(FakeRegistry.Request::method)
        .containsExactly("HEAD", "GET");
  }

  @Test
  void reportsAMissingTagAsNotFound() {
    fake.on(
        "HEAD",
        "/v2/team/app/manifests/nope",
        r -> Response.json(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}"));

    assertThatThrownBy(() -> data.digest(repo(), "nope", LookupCredentials.none()))
        .isInstanceOf(ImageNotFoundException.class)
        .hasMessageContaining("read the digest of tag nope for " + repo())
        .hasMessageContaining("answered 404");
  }

  @Test
  void readsTheChildrenOfAnIndexAndChecksItsDigest() throws Exception {
    byte[] index =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + INDEX_TYPE
                + "\",\"manifests\":["
                + "{\"digest\":\""
                + D1
                + "\",\"platform\":{\"architecture\":\"amd64\"}},"
                + "{\"digest\":\""
                + D2
                + "\",\"platform\":{\"architecture\":\"arm64\"}}]}")
            .getBytes(StandardCharsets.UTF_8);
    String digest = sha256(index);
    fake.on(
        "GET",
        "/v2/team/app/manifests/" + digest,
        r -> new Response(200, Map.of("Content-Type", INDEX_TYPE), index, -1));
    fake.on(
        "GET",
        "/v2/team/app/manifests/" + D1,
        r -> new Response(200, Map.of("Content-Type", INDEX_TYPE), index, -1));

    assertThat(data.childDigests(repo(), Digest.parse(digest), LookupCredentials.none()))
        .containsExactly(Digest.parse(D1), Digest.parse(D2));
    assertThatThrownBy(() -> data.childDigests(repo(), Digest.parse(D1), LookupCredentials.none()))
        .isInstanceOf(RegistryAccessException.class)
        .hasMessageContaining("whose sha256 is not " + D1);
  }

  @Test
  void rejectsSomethingThatIsNotATag() {
    assertThatThrownBy(() -> data.digest(repo(), "../../etc", LookupCredentials.none()))
        .isInstanceOf(RegistryAccessException.class)
        .hasMessageContaining("is not a tag");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void exposesDockerHubsPullQuotaFromItsHeaders() throws Exception {
    fake.on(
        "HEAD",
        "/v2/library/nginx/manifests/latest",
        r ->
            Response.empty(200)
                .with("Docker-Content-Digest", D1)
                .with("Content-Type", INDEX_TYPE)
                .with("RateLimit-Limit", "100;w=21600")
                .with("RateLimit-Remaining", "76;w=21600"));
    OciAvailableImageData hub =
        registries.create(
            new DockerHubProvider(),
            Map.of(
                "insecure-registries", fake.authority(), "dockerhub.api-host", fake.authority()));

    assertThat(hub.rateLimit()).isEmpty();
    hub.digest(Repository.parse("nginx"), "latest", LookupCredentials.none());

    assertThat(hub.rateLimit())
        .hasValueSatisfying(
            q -> {
              assertThat(q.limit()).isEqualTo(100);
              assertThat(q.remaining()).isEqualTo(76);
              assertThat(q.window()).isEqualTo(Duration.ofHours(6));
              assertThat(q.host()).isEqualTo(fake.authority());
            });
  }

  private static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
