package io.inspectr.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;
import io.inspectr.notify.testing.Reports;
import io.inspectr.notify.thirdparty.PagerNotifierProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NotifierDiscoveryTest {

  private static Map<String, NotifierProvider> providers() {
    return ServiceLoader.load(NotifierProvider.class, NotifierDiscoveryTest.class.getClassLoader())
        .stream()
        .map(ServiceLoader.Provider::get)
        .collect(Collectors.toMap(NotifierProvider::id, p -> p));
  }

  @Test
  void findsTheFourNotifiersAndAThirdPartyOneByIdThroughServiceLoader() {
    assertThat(providers()).containsOnlyKeys("slack", "jira", "webhook", "log", "acme-pager");
  }

  @Test
  void aThirdPartyNotifierIsConfiguredCreatedAndDeliversLikeTheOwnOnes() throws Exception {
    NotifierProvider pager = providers().get("acme-pager");
    PluginConfig config = PluginConfig.of("inspectr.notify.acme-pager", Map.of("on-call", "dana"));
    InspectrResult major =
        Reports.outdated("prod", "web", "frontend", "nginx", "nginx:1.25.3", "2.0.0");
    InspectrResult patch =
        Reports.outdated("prod", "api", "gateway", "redis", "redis:7.2.1", "7.2.4");

    assertThat(pager.isConfigured(PluginConfig.empty("inspectr.notify.acme-pager"))).isFalse();
    assertThat(pager.isConfigured(config)).isTrue();
    DeliveryReport report;
    try (Notifier notifier = pager.create(config)) {
      report = notifier.deliver(Reports.newFindings(major, patch));
    }
    assertThat(report.allDelivered()).isTrue();
    assertThat(report.outcomes().get(major.key()).detail()).isEqualTo("paged dana");
    assertThat(PagerNotifierProvider.PAGES).contains("dana: " + major.key() + " -> 2.0.0");
  }

  @Test
  void unconfiguredNotifiersSaySoAndMisconfiguredOnesListEveryProblem() {
    Map<String, NotifierProvider> all = providers();
    for (String id : List.of("slack", "jira", "webhook", "log")) {
      assertThat(all.get(id).isConfigured(PluginConfig.empty("inspectr.notify." + id)))
          .as(id)
          .isFalse();
    }
    assertThatThrownBy(
            () ->
                all.get("jira")
                    .create(
                        PluginConfig.of(
                            "inspectr.notify.jira", Map.of("url", "ftp://x", "project", "o p"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("Invalid configuration, 3 problems:")
        .hasMessageContaining(
            "inspectr.notify.jira.url was 'ftp://x' but it must be an absolute http or https URL")
        .hasMessageContaining("inspectr.notify.jira.api-token is missing but a secret is needed")
        .hasMessageContaining(
            "inspectr.notify.jira.project was 'o p' but it must be a project key such as OPS");
  }
}
