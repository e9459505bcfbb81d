package io.inspectr.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.image.Repository;
import org.junit.jupiter.api.Test;

class ResultKeyTest {

  @Test
  void stringFormRoundTripsEvenWithSeparatorsInNames() {
    ResultKey key =
        new ResultKey(
            "arn:aws:eks:eu-west-1:1234:cluster/prod|blue%",
            "shop", new Workload("Deployment", "web"), "nginx", Repository.parse("nginx"));

    assertThat(ResultKey.parse(key.asString())).isEqualTo(key);
    assertThat(key.asString()).endsWith("|shop|Deployment|web|nginx|docker.io/library/nginx");
  }

  @Test
  void rejectsMalformedKeysNamingThem() {
    assertThatThrownBy(() -> ResultKey.parse("a|b|c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a|b|c\"");
  }

  @Test
  void readableFormNamesEveryPart() {
    ResultKey key =
        new ResultKey(
            "prod",
            "shop",
            new Workload("CronJob", "report"),
            "app",
            Repository.parse("ghcr.io/o/app"));

    assertThat(key).hasToString("prod/shop/CronJob/report/app (ghcr.io/o/app)");
  }

  @Test
  void workloadNeedsKindAndName() {
    assertThatThrownBy(() -> new Workload("", "web")).hasMessageContaining("kind");
  }
}
