package io.inspectr.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.image.ImageReference;
import io.inspectr.core.result.ContainerPolicy;
import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.Workload;
import io.inspectr.core.testing.MutableClock;
import io.inspectr.k8s.fake.FakeApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How long the pull-secret reader remembers secrets and problems, on the injected clock. */
class PullSecretReaderIT {
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final String CONFIG = "{\"auths\":{\"ghcr.io\":{\"auth\":\"Ym90OnRva2Vu\"}}}";

  private final MutableClock clock = new MutableClock();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private FakeApiServer server;
  private PullSecretReader reader;

  @BeforeEach
  void start() throws Exception {
    server = FakeApiServer.start();
    for (String namespace : List.of("shop", "old")) {
      server.apply(
          "secrets",
          "{\"metadata\":{\"name\":\"regcred\",\"namespace\":\""
              + namespace
              + "\"},\"type\":\"kubernetes.io/dockerconfigjson\",\"data\":{\".dockerconfigjson\":\""
              + Base64.getEncoder().encodeToString(CONFIG.getBytes(StandardCharsets.UTF_8))
              + "\"}}");
    }
    reader =
        new PullSecretReader(
            server.client(),
            (namespace, name) -> Optional.of(pod(namespace, name)),
            TTL,
            clock,
            warnings::add);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static SlimPod pod(String namespace, String name) {
    return new SlimPod(
        namespace,
        name,
        "uid-" + name,
        "1",
        "Running",
        List.of(),
        null,
        "",
        List.of("regcred"),
        Map.of(),
        List.of(new SlimPod.Container("app", false, "ghcr.io/acme/app:1.0", "")));
  }

  private int configsFor(String namespace) {
    RunningContainer container =
        new RunningContainer(
            "c1",
            namespace,
            new Workload(Workload.POD, "app"),
            "app",
            "app",
            false,
            ImageReference.parse("ghcr.io/acme/app:1.0"),
            null,
            ContainerPolicy.defaults());
    return reader.credentialsFor(container).dockerConfigs().size();
  }

  @Test
  void forgetsWhatNoPodUsedForTwiceTheTtl() {
    assertThat(configsFor("shop")).isEqualTo(1);
    assertThat(configsFor("old")).isEqualTo(1);
    assertThat(reader.remembered()).isEqualTo(2);

    clock.advance(Duration.ofMinutes(15));
    configsFor("shop");
    assertThat(reader.remembered()).as("old was used 15 minutes ago").isEqualTo(2);

    clock.advance(Duration.ofMinutes(10));
    configsFor("shop");
    assertThat(reader.remembered()).as("old was used 25 minutes ago: forgotten").isEqualTo(1);

    assertThat(configsFor("old")).as("and read again when needed").isEqualTo(1);
    assertThat(server.requests("GET", "/namespaces/old/secrets/regcred")).isEqualTo(2);
  }

  @Test
  void warnsOncePerProblemAndAgainWhenItComesBackAfterAGoodRead() {
    server.failNext("GET", "/secrets/regcred", 403, 1);
    assertThat(configsFor("shop")).isZero();
    assertThat(configsFor("shop")).as("read at the next use").isEqualTo(1);
    assertThat(warnings).hasSize(1);

    clock.advance(TTL.plusMinutes(1));
    server.failNext("GET", "/secrets/regcred", 403, 2);
    assertThat(configsFor("shop")).as("the copy read before").isEqualTo(1);
    assertThat(configsFor("shop")).isEqualTo(1);

    assertThat(warnings)
        .as("the secret recovered in between, so its new failure is reported, once")
        .hasSize(2);
    assertThat(warnings.get(1)).contains("shop/regcred", "403", "copy read before");
  }
}
