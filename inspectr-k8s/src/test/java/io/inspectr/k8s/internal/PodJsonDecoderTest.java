package io.inspectr.k8s.internal;

import static io.inspectr.k8s.fixtures.PodFixtures.BARE_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.DEPLOYMENT_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodJsonDecoderTest {
  private final PodJsonDecoder decoder = new PodJsonDecoder();

  private SlimPod decode(String json) throws IOException {
    return decoder.decodeEvent("{\"type\":\"ADDED\",\"object\":" + json + "}").pod();
  }

  @Test
  void keepsOnlyWhatInspectrNeedsOfARealisticPod() throws IOException {
    SlimPod pod = decode(text(DEPLOYMENT_POD));

    assertThat(pod.namespace()).isEqualTo("shop");
    assertThat(pod.name()).isEqualTo("web-7d9c8b6f4d-x5k2p");
    assertThat(pod.uid()).isEqualTo("0d7f3c52-9a1e-4f0b-8f6e-7c2d41a9b3e5");
    assertThat(pod.resourceVersion()).isEqualTo("48213377");
    assertThat(pod.phase()).isEqualTo("Running");
    assertThat(pod.owners())
        .containsExactly(
            new SlimPod.Owner(
                "apps/v1",
                "ReplicaSet",
                "web-7d9c8b6f4d",
                "5b0c1f7e-3a8d-4a49-9d57-0f6c2b1e8a11",
                true));
    assertThat(pod.templateHash()).isEqualTo("7d9c8b6f4d");
    assertThat(pod.serviceAccount()).isEqualTo("web");
    assertThat(pod.pullSecrets()).containsExactly("regcred");
    assertThat(pod.annotations())
        .isEqualTo(Map.of("inspectr.io/pin", "minor", "inspectr.io/ignore/log-shipper", "true"));
    assertThat(pod.containers())
        .containsExactly(
            new SlimPod.Container(
                "nginx",
                false,
                "nginx:1.25.3",
                "docker.io/library/nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac"),
            new SlimPod.Container(
                "log-shipper",
                false,
                "fluent/fluent-bit:2.2.0",
                "docker.io/fluent/fluent-bit@sha256:1f5b4c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b"),
            new SlimPod.Container(
                "migrate",
                true,
                "ghcr.io/acme/migrate:v1.4.0",
                "ghcr.io/acme/migrate@sha256:8a1d2c3b4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b"));
  }

  @Test
  void sharesStringsBetweenPods() throws IOException {
    SlimPod a = decode(text(DEPLOYMENT_POD));
    SlimPod b = decode(text(DEPLOYMENT_POD));

    assertThat(a.containers().get(0).imageId()).isSameAs(b.containers().get(0).imageId());
    assertThat(a.namespace()).isSameAs(b.namespace());
  }

  @Test
  void readsAContainerWithoutStatusAsNotPulledYet() throws IOException {
    String pending =
        "{\"metadata\":{\"name\":\"p\",\"namespace\":\"n\",\"uid\":\"u\",\"resourceVersion\":\"1\"},"
            + "\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx\"}]},"
            + "\"status\":{\"phase\":\"Pending\"}}";

    SlimPod pod = decode(pending);

    assertThat(pod.containers()).containsExactly(new SlimPod.Container("app", false, "nginx", ""));
    assertThat(pod.controller()).isNull();
  }

  @Test
  void readsAPageWithItsContinueToken() throws IOException {
    String list =
        "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"77\","
            + "\"continue\":\"abc\",\"remainingItemCount\":4},\"items\":["
            + text(BARE_POD)
            + "]}";

    PodPage page = decoder.decodeList(new StringReader(list));

    assertThat(page.resourceVersion()).isEqualTo("77");
    assertThat(page.continueToken()).isEqualTo("abc");
    assertThat(page.items()).extracting(SlimPod::name).containsExactly("debug");
  }

  @Test
  void readsTheLastPageWithoutToken() throws IOException {
    PodPage page =
        decoder.decodeList(
            new StringReader(
                "{\"metadata\":{\"resourceVersion\":\"9\",\"continue\":\"\"},\"items\":null}"));

    assertThat(page.continueToken()).isNull();
    assertThat(page.items()).isEmpty();
  }

  @Test
  void readsAnExpiredWatchAsAStatus() throws IOException {
    WatchEvent event =
        decoder.decodeEvent(
            "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                + "\"status\":\"Failure\",\"message\":\"too old resource version: 1 (5)\","
                + "\"reason\":\"Expired\",\"code\":410}}");

    assertThat(event.type()).isEqualTo(WatchEvent.ERROR);
    assertThat(event.status())
        .isEqualTo(new ApiStatus(410, "Expired", "too old resource version: 1 (5)"));
  }

  @Test
  void readsABookmarkForItsResourceVersion() throws IOException {
    WatchEvent event =
        decoder.decodeEvent(
            "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"12345\"}}}");

    assertThat(event.type()).isEqualTo(WatchEvent.BOOKMARK);
    assertThat(event.pod().resourceVersion()).isEqualTo("12345");
  }

  @Test
  void rejectsALineThatIsNoEvent() {
    assertThatThrownBy(() -> decoder.decodeEvent("{\"object\":{}}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("without a type");
  }

  @Test
  void readsAStatusBodyOrFallsBackToTheHttpCode() {
    assertThat(
            PodJsonDecoder.decodeStatus(
                "{\"code\":403,\"reason\":\"Forbidden\",\"message\":\"no\"}", 500))
        .isEqualTo(new ApiStatus(403, "Forbidden", "no"));
    assertThat(PodJsonDecoder.decodeStatus("<html>bad gateway</html>", 502).code()).isEqualTo(502);
  }
}
