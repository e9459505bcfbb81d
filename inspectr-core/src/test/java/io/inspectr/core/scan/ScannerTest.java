package io.inspectr.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.config.Secret;
import io.inspectr.core.image.Digest;
import io.inspectr.core.image.ImageReference;
import io.inspectr.core.image.Repository;
import io.inspectr.core.result.ContainerPolicy;
import io.inspectr.core.result.DigestCheck;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.Workload;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.version.Pin;
import io.inspectr.core.version.UpgradePolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScannerTest {
  private static final Digest A = Digest.parse("sha256:" + "a".repeat(64));
  private static final Digest B = Digest.parse("sha256:" + "b".repeat(64));
  private static final Digest C = Digest.parse("sha256:" + "c".repeat(64));

  private final FakeRegistry registry = new FakeRegistry();

  private static RunningContainer container(
      String workload, String pod, String image, Digest running, ContainerPolicy policy) {
    return new RunningContainer(
        "prod",
        "shop",
        new Workload("Deployment", workload),
        pod,
        "main",
        false,
        ImageReference.parse(image),
        running,
        policy);
  }

  private static RunningContainer container(String workload, String pod, String image) {
    return container(workload, pod, image, null, ContainerPolicy.defaults());
  }

  private ScanResult scan(List<RunningContainer> containers) {
    return new Scanner(registry, ScanSettings.defaults(), CredentialResolver.NONE).scan(containers);
  }

  @Test
  void listsEachRepositoryOnceAndCountsPodsPerKey() {
    registry.withTags("nginx", "1.25.3", "1.25.4", "1.26.0").withTags("redis", "7.2", "7.4");
    List<RunningContainer> containers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      containers.add(container("web", "web-" + i, "nginx:1.25.3"));
      containers.add(container("api", "api-" + i, "nginx:1.26.0"));
    }
    containers.add(container("cache", "cache-0", "redis:7.2"));

    ScanResult result = scan(containers);

    assertThat(registry.tagRequests("nginx")).isEqualTo(1);
    assertThat(registry.tagRequests("redis")).isEqualTo(1);
    assertThat(result.results()).hasSize(3);
    InspectrResult web = byWorkload(result, "web");
    assertThat(web.pods()).isEqualTo(5);
    assertThat(web.upgrades().upgrades()).containsExactly("1.25.4", "1.26.0");
    assertThat(byWorkload(result, "api").isFinding()).isFalse();
    assertThat(byWorkload(result, "cache").upgrades().newestMinor()).isEqualTo("7.4");
    assertThat(result.findings())
        .extracting(r -> r.key().workload().name())
        .containsExactly("cache", "web");
  }

  @Test
  void aFailingRepositoryIsReportedAndTheRestIsChecked() {
    registry.withTags("nginx", "1.0", "1.1");

    ScanResult result =
        scan(
            List.of(
                container("web", "web-0", "nginx:1.0"),
                container("gone", "gone-0", "ghcr.io/o/gone:1.0")));

    assertThat(result.results()).extracting(r -> r.key().workload().name()).containsExactly("web");
    assertThat(result.failures()).hasSize(1);
    assertThat(result.failures().get(0).subject()).startsWith("ghcr.io/o/gone");
    assertThat(result.failures().get(0).reason())
        .contains("Tried to list the tags for ghcr.io/o/gone");
  }

  @Test
  void appliesEachContainersPolicyAndSkipsIgnoredOnes() {
    registry.withTags("nginx", "1.25.4", "1.26.0", "2.0.0");
    ContainerPolicy pinned = ContainerPolicy.of(UpgradePolicy.defaults().withPin(Pin.MINOR));
    ContainerPolicy ignored = new ContainerPolicy(true, UpgradePolicy.defaults(), null, List.of());

    ScanResult result =
        scan(
            List.of(
                container("web", "web-0", "nginx:1.25.3", null, pinned),
                container("old", "old-0", "nginx:1.25.3", null, ignored)));

    assertThat(result.results()).hasSize(1);
    assertThat(result.results().get(0).upgrades().upgrades()).containsExactly("1.25.4");
  }

  @Test
  void looksUpTheOverrideRepositoryButKeysByTheRunningOne() {
    registry.withTags("nginx", "1.25.4");
    ContainerPolicy mirror =
        new ContainerPolicy(
            false, UpgradePolicy.defaults(), Repository.parse("nginx"), List.of("w"));

    ScanResult result =
        scan(List.of(container("web", "web-0", "mirror.local/library/nginx:1.25.3", null, mirror)));

    assertThat(registry.tagRequests("nginx")).isEqualTo(1);
    InspectrResult only = result.results().get(0);
    assertThat(only.key().repository()).isEqualTo(Repository.parse("mirror.local/library/nginx"));
    assertThat(only.upgrades().upgrades()).containsExactly("1.25.4");
    assertThat(only.warnings()).containsExactly("w");
  }

  @Test
  void comparesMutableTagsByDigestWithoutListingTags() {
    registry
        .withDigest("app", "latest", A, FakeRegistry.MANIFEST)
        .withDigest("other", "stable", B, FakeRegistry.MANIFEST);

    ScanResult result =
        scan(
            List.of(
                container("same", "same-0", "app:latest", A, ContainerPolicy.defaults()),
                container("rebuilt", "rebuilt-0", "other:stable", A, ContainerPolicy.defaults()),
                container(
                    "unknown", "unknown-0", "other:stable", null, ContainerPolicy.defaults())));

    assertThat(registry.tagRequests("app")).isZero();
    assertThat(byWorkload(result, "same").digestCheck()).isEqualTo(DigestCheck.unchanged(A));
    assertThat(byWorkload(result, "rebuilt").digestCheck()).isEqualTo(DigestCheck.rebuilt(B));
    assertThat(byWorkload(result, "rebuilt").isFinding()).isTrue();
    assertThat(byWorkload(result, "unknown").digestCheck().status())
        .isEqualTo(DigestCheck.Status.UNKNOWN);
    assertThat(registry.digestRequests.get()).isEqualTo(2);
  }

  @Test
  void aPlatformManifestOfTheCurrentIndexIsUnchanged() {
    registry.withDigest("app", "latest", A, FakeRegistry.INDEX);
    registry.children.put(A, List.of(B, C));

    ScanResult result =
        scan(
            List.of(
                container("arm", "arm-0", "app:latest", C, ContainerPolicy.defaults()),
                container(
                    "old",
                    "old-0",
                    "app:latest",
                    Digest.parse("sha256:" + "d".repeat(64)),
                    ContainerPolicy.defaults())));

    assertThat(byWorkload(result, "arm").digestCheck().status())
        .isEqualTo(DigestCheck.Status.UNCHANGED);
    assertThat(byWorkload(result, "old").digestCheck().status())
        .isEqualTo(DigestCheck.Status.REBUILT);
    assertThat(registry.digestRequests.get()).isEqualTo(1);
    assertThat(registry.childRequests.get()).isEqualTo(1);
  }

  @Test
  void reportsTheTagMostPodsRunDuringARollout() {
    registry.withTags("nginx", "1.25.4", "1.26.0");

    ScanResult result =
        scan(
            List.of(
                container("web", "web-a", "nginx:1.26.0"),
                container("web", "web-b", "nginx:1.25.3"),
                container("web", "web-c", "nginx:1.25.3")));

    InspectrResult web = result.results().get(0);
    assertThat(web.image().tag()).contains("1.25.3");
    assertThat(web.pods()).isEqualTo(3);
  }

  @Test
  void passesTheContainersCredentialsToTheRegistry() {
    registry.withTags("ghcr.io/o/app", "1.1");
    Secret config = Secret.of("{\"auths\":{}}");

    new Scanner(registry, ScanSettings.defaults(), c -> new LookupCredentials(List.of(config)))
        .scan(List.of(container("web", "web-0", "ghcr.io/o/app:1.0")));

    assertThat(registry.credentialsSeen).containsExactly(new LookupCredentials(List.of(config)));
  }

  @Test
  void anUncheckedExceptionOfTheRegistryOnlyFailsItsRepository() {
    registry.withTags("nginx", "1.1");
    registry.tags.put(Repository.parse("broken"), new ThrowingList());

    ScanResult result =
        scan(List.of(container("web", "web-0", "nginx:1.0"), container("b", "b-0", "broken:1.0")));

    assertThat(result.results()).extracting(r -> r.key().workload().name()).containsExactly("web");
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).startsWith("docker.io/library/broken");
              assertThat(f.reason()).contains("unexpected IllegalStateException: listing exploded");
            });
  }

  @Test
  void aRunawayPolicyPatternOnlyFailsItsKey() {
    String longChannel = "-" + "a".repeat(40);
    registry.withTags("app", "1.1" + longChannel, "1.1");
    ContainerPolicy runaway =
        ContainerPolicy.of(UpgradePolicy.defaults().withExcludeTags("(.*a){12}b"));

    ScanResult result =
        scan(
            List.of(
                container("slow", "slow-0", "app:1.0" + longChannel, null, runaway),
                container("fine", "fine-0", "app:1.0")));

    assertThat(result.results()).extracting(r -> r.key().workload().name()).containsExactly("fine");
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).contains("Deployment/slow");
              assertThat(f.reason()).contains("backtracks catastrophically");
            });
  }

  @Test
  void aThrowingCredentialResolverDoesNotStopTheScan() {
    registry.withTags("nginx", "1.1");

    ScanResult result =
        new Scanner(
                registry,
                ScanSettings.defaults(),
                c -> {
                  throw new IllegalStateException("secret store down");
                })
            .scan(List.of(container("web", "web-0", "nginx:1.0")));

    assertThat(result.failures()).isEmpty();
    assertThat(registry.credentialsSeen).containsExactly(LookupCredentials.none());
    assertThat(result.results().get(0).upgrades().upgrades()).containsExactly("1.1");
  }

  /** A tag list that fails when read, as a broken third-party registry might. */
  private static final class ThrowingList extends java.util.AbstractList<String> {
    @Override
    public String get(int index) {
      throw new IllegalStateException("listing exploded");
    }

    @Override
    public int size() {
      throw new IllegalStateException("listing exploded");
    }
  }

  private static InspectrResult byWorkload(ScanResult result, String name) {
    return result.results().stream()
        .filter(r -> r.key().workload().name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
