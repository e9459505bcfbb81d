package io.inspectr.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.image.Repository;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.result.Workload;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertStateCodecTest {
  private static final ResultKey WEB =
      new ResultKey(
          "prod", "shop", new Workload("Deployment", "web"), "nginx", Repository.parse("nginx"));
  private static final ResultKey DB =
      new ResultKey(
          "prod", "shop", new Workload("StatefulSet", "db"), "pg", Repository.parse("postgres"));

  @Test
  void roundTripsEveryNotifiersFingerprint() {
    AlertState state =
        AlertState.empty()
            .withLastFullReport(Instant.parse("2026-11-26T10:00:00Z"))
            .withDelivered(WEB, "slack", "1.27.3")
            .withDelivered(WEB, "jira", "1.27.2")
            .withDelivered(DB, "slack", "@sha256:" + "a".repeat(64));

    String text = AlertStateCodec.encode(state);

    assertThat(AlertStateCodec.decode(text)).isEqualTo(state);
    assertThat(text.lines()).hasSize(4).first().isEqualTo(AlertStateCodec.HEADER);
    assertThat(text).contains("\tjira=1.27.2\tslack=1.27.3");
  }

  @Test
  void emptyStateRoundTrips() {
    assertThat(AlertStateCodec.decode(AlertStateCodec.encode(AlertState.empty())))
        .isEqualTo(AlertState.empty());
  }

  @Test
  void reportsTheMalformedLine() {
    String text = AlertStateCodec.HEADER + "\nfull yesterday\n";

    assertThatThrownBy(() -> AlertStateCodec.decode(text)).hasMessageContaining("line 2");
    assertThatThrownBy(() -> AlertStateCodec.decode("{}"))
        .hasMessageContaining(AlertStateCodec.HEADER);
  }

  @Test
  void retainKeysDropsTheRest() {
    AlertState state =
        AlertState.empty().withDelivered(WEB, "slack", "1").withDelivered(DB, "slack", "2");

    AlertState kept = state.retainKeys(Set.of(DB));

    assertThat(kept.deliveredFingerprint(WEB, "slack")).isEmpty();
    assertThat(kept.deliveredFingerprint(DB, "slack")).contains("2");
  }
}
