package io.inspectr.k8s;

import static io.inspectr.k8s.fixtures.PodFixtures.DEPLOYMENT_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.WEB_REPLICASET;
import static io.inspectr.k8s.fixtures.PodFixtures.pod;
import static io.inspectr.k8s.fixtures.PodFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.config.Secret;
import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.Workload;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.testing.MutableClock;
import io.inspectr.k8s.fake.FakeApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pull-secret credentials and owner fallbacks, read through the real client. */
class PullSecretCredentialsIT {
  private static final String POD_CONFIG =
      "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("bot:pod-token") + "\"}}}";
  private static final String SA_CONFIG_LEGACY =
      "{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hub:sa-token") + "\"}}";

  private FakeApiServer server;
  private KubernetesSource source;
  private final MutableClock clock = new MutableClock();

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void start() throws Exception {
    server = FakeApiServer.start();
    server.apply(
        "secrets",
        "{\"metadata\":{\"name\":\"regcred\",\"namespace\":\"shop\"},\"type\":\"kubernetes.io/dockerconfigjson\","
            + "\"data\":{\".dockerconfigjson\":\""
            + b64(POD_CONFIG)
            + "\"}}");
    server.apply(
        "secrets",
        "{\"metadata\":{\"name\":\"hub\",\"namespace\":\"shop\"},\"type\":\"kubernetes.io/dockercfg\","
            + "\"data\":{\".dockercfg\":\""
            + b64(SA_CONFIG_LEGACY)
            + "\"}}");
    server.apply(
        "serviceaccounts",
        "{\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"},\"imagePullSecrets\":[{\"name\":\"hub\"},{\"name\":\"regcred\"},{\"name\":\"gone\"}]}");
  }

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
    server.close();
  }

  private RunningContainer startWith(boolean pullSecrets) throws InterruptedException {
    source =
        KubernetesSource.create(
            server.client(),
            "c1",
            KubernetesSettings.builder()
                .pullSecrets(pullSecrets)
                .credentialsTtl(Duration.ofMinutes(10))
                .build(),
            clock);
    source.start();
    assertThat(source.awaitSynced(Duration.ofSeconds(20))).isTrue();
    return source.snapshot().stream()
        .filter(c -> c.container().equals("nginx"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void handsOutThePodsAndItsServiceAccountsSecretsMostSpecificFirst() throws Exception {
    server.apply("replicasets", text(WEB_REPLICASET));
    server.apply("pods", pod(DEPLOYMENT_POD).toString());
    RunningContainer nginx = startWith(true);

    LookupCredentials credentials = source.credentials().credentialsFor(nginx);

    assertThat(credentials.dockerConfigs())
        .extracting(Secret::reveal)
        .containsExactly(POD_CONFIG, "{\"auths\":" + SA_CONFIG_LEGACY + "}");
    assertThat(credentials.toString())
        .doesNotContain("pod-token")
        .doesNotContain(b64("bot:pod-token"));
  }

  @Test
  void cachesSecretsForTheirTtlThenReadsThemAgain() throws Exception {
    server.apply("replicasets", text(WEB_REPLICASET));
    server.apply("pods", pod(DEPLOYMENT_POD).toString());
    RunningContainer nginx = startWith(true);

    source.credentials().credentialsFor(nginx);
    source.credentials().credentialsFor(nginx);
    assertThat(server.requests("GET", "/secrets/regcred")).isEqualTo(1);
    assertThat(server.requests("GET", "/secrets/gone"))
        .as("a missing secret is remembered too")
        .isEqualTo(1);

    clock.advance(Duration.ofMinutes(11));
    source.credentials().credentialsFor(nginx);
    assertThat(server.requests("GET", "/secrets/regcred")).isEqualTo(2);
    assertThat(server.requests("GET", "/serviceaccounts/web")).isEqualTo(2);
  }

  @Test
  void keepsTheLastSecretWhenARefreshFails() throws Exception {
    server.apply("replicasets", text(WEB_REPLICASET));
    server.apply("pods", pod(DEPLOYMENT_POD).toString());
    RunningContainer nginx = startWith(true);
    assertThat(source.credentials().credentialsFor(nginx).dockerConfigs()).hasSize(2);

    clock.advance(Duration.ofMinutes(11));
    server.failNext("GET", "/secrets/regcred", 503, 1);

    assertThat(source.credentials().credentialsFor(nginx).dockerConfigs()).hasSize(2);
  }

  @Test
  void offMeansNoCredentialsAndNoSecretReads() throws Exception {
    server.apply("replicasets", text(WEB_REPLICASET));
    server.apply("pods", pod(DEPLOYMENT_POD).toString());
    RunningContainer nginx = startWith(false);

    assertThat(source.credentials().credentialsFor(nginx).isEmpty()).isTrue();
    assertThat(server.requests("GET", "/secrets/")).isZero();
  }

  @Test
  void guessesTheDeploymentFromTheTemplateHashWhenReplicaSetsAreForbidden() throws Exception {
    server.failNext("GET", "/replicasets/", 403, 1);
    server.apply("pods", pod(DEPLOYMENT_POD).toString());

    RunningContainer nginx = startWith(false);

    assertThat(nginx.workload()).isEqualTo(new Workload("Deployment", "web"));
  }
}
