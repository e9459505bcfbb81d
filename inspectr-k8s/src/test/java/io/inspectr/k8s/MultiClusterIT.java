package io.inspectr.k8s;

import static io.inspectr.k8s.fixtures.PodFixtures.BARE_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.STATEFULSET_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.result.RunningContainer;
import io.inspectr.k8s.fake.FakeApiServer;
import io.inspectr.k8s.internal.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One source per kubeconfig context, each naming its containers after its cluster. */
class MultiClusterIT {
  @TempDir Path home;

  @Test
  void watchesEveryContextUnderItsOwnClusterName() throws Exception {
    try (FakeApiServer eu = FakeApiServer.start();
        FakeApiServer us = FakeApiServer.start()) {
      eu.apply("pods", pod(STATEFULSET_POD).toString());
      us.apply("pods", pod(BARE_POD).toString());
      Path kubeconfig = home.resolve("kubeconfig");
      Files.writeString(
          kubeconfig,
          "apiVersion: v1\nkind: Config\ncurrent-context: eu\n"
              + "clusters:\n"
              + "- {name: eu, cluster: {server: '"
              + eu.url()
              + "'}}\n"
              + "- {name: us, cluster: {server: '"
              + us.url()
              + "'}}\n"
              + "contexts:\n"
              + "- {name: gke-eu, context: {cluster: eu, user: bot}}\n"
              + "- {name: gke-us, context: {cluster: us, user: bot}}\n"
              + "users:\n- {name: bot, user: {token: t}}\n");
      KubernetesSettings settings =
          KubernetesSettings.fromConfig(
              io.inspectr.core.config.PluginConfig.of(
                  KubernetesSettings.PREFIX,
                  Map.of("contexts", "gke-eu=europe,gke-us", "kubeconfig", kubeconfig.toString())));

      List<ClusterConnection> clusters =
          KubernetesClusters.connect(settings, new Environment(Map.of(), home, home));
      List<KubernetesSource> sources = new ArrayList<>();
      List<RunningContainer> all = new ArrayList<>();
      try {
        for (ClusterConnection c : clusters) {
          KubernetesSource source = KubernetesSource.create(c.client(), c.name(), settings);
          sources.add(source);
          source.start();
          assertThat(source.awaitSynced(Duration.ofSeconds(20))).isTrue();
          all.addAll(source.snapshot());
        }
      } finally {
        sources.forEach(KubernetesSource::close);
      }

      assertThat(all)
          .extracting(c -> c.cluster() + ":" + c.pod() + "/" + c.container())
          .containsExactlyInAnyOrder(
              "europe:db-0/postgres", "gke-us:debug/debug", "gke-us:debug/net");
      assertThat(eu.requestLog()).allMatch(r -> !r.contains("debug"));
    }
  }
}
