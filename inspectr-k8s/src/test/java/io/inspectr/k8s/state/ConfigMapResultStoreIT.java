package io.inspectr.k8s.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.inspectr.core.alert.AlertState;
import io.inspectr.core.image.Repository;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.result.Workload;
import io.inspectr.core.spi.StateStoreException;
import io.inspectr.k8s.fake.FakeApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ConfigMap state store through the real official client against the fake API server. */
class ConfigMapResultStoreIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private static final ConfigMapStoreSettings SETTINGS =
      new ConfigMapStoreSettings("inspectr", "inspectr-state", 5, null, null);

  private FakeApiServer server;

  @BeforeEach
  void start() throws Exception {
    server = FakeApiServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ConfigMapResultStore store(ConfigMapStoreSettings settings) {
    return new ConfigMapResultStore(server.client(), settings, CLOCK);
  }

  private static ResultKey key(String workload) {
    return new ResultKey(
        "prod", "shop", new Workload("Deployment", workload), "app", Repository.parse("nginx"));
  }

  @Test
  void startsEmptyThenKeepsWhatWasStoredGzippedInBinaryData() throws Exception {
    ConfigMapResultStore store = store(SETTINGS);
    assertThat(store.load()).isEqualTo(AlertState.empty());

    store.update(s -> s.withDelivered(key("web"), "slack", "1.27.3"));
    store.update(
        s -> s.withDelivered(key("api"), "jira", "2.0.1").withLastFullReport(CLOCK.instant()));

    AlertState loaded = store(SETTINGS).load();
    assertThat(loaded.deliveredFingerprint(key("web"), "slack")).contains("1.27.3");
    assertThat(loaded.deliveredFingerprint(key("api"), "jira")).contains("2.0.1");
    assertThat(loaded.lastFullReport()).isEqualTo(CLOCK.instant());
    JsonObject stored = server.get("configmaps", "inspectr", "inspectr-state").orElseThrow();
    assertThat(stored.getAsJsonObject("binaryData").has(ConfigMapResultStore.DATA_KEY)).isTrue();
    assertThat(
            stored
                .getAsJsonObject("metadata")
                .getAsJsonObject("annotations")
                .get(ConfigMapResultStore.UPDATED_ANNOTATION)
                .getAsString())
        .isEqualTo("2026-11-26T10:00:00Z");
    assertThat(server.requests("POST", "/configmaps")).isEqualTo(1);
    assertThat(server.requests("PUT", "/configmaps/inspectr-state")).isEqualTo(1);
  }

  @Test
  void reappliesItsChangeWhenAnotherWriterCausesA409() throws Exception {
    ConfigMapResultStore mine = store(SETTINGS);
    ConfigMapResultStore theirs = store(SETTINGS);
    mine.update(s -> s.withDelivered(key("web"), "slack", "1"));
    server.beforeNext(
        "PUT",
        "/configmaps/inspectr-state",
        () -> {
          try {
            theirs.update(s -> s.withDelivered(key("api"), "slack", "2"));
          } catch (StateStoreException e) {
            throw new IllegalStateException(e);
          }
        });

    int[] applied = {0};
    AlertState result =
        mine.update(
            s -> {
              applied[0]++;
              return s.withDelivered(key("worker"), "slack", "3");
            });

    assertThat(applied[0]).as("the change ran again after the conflict").isEqualTo(2);
    assertThat(result.delivered()).containsKeys(key("web"), key("api"), key("worker"));
    assertThat(mine.load()).isEqualTo(result);
    // The first update created it; then theirs wrote once, mine was refused once and wrote.
    assertThat(server.requests("PUT", "/configmaps/inspectr-state")).isEqualTo(3);
  }

  @Test
  void retriesWhenAnotherReplicaCreatedTheConfigMapFirst() throws Exception {
    ConfigMapResultStore mine = store(SETTINGS);
    ConfigMapResultStore theirs = store(SETTINGS);
    server.beforeNext(
        "POST",
        "/configmaps",
        () -> {
          try {
            theirs.update(s -> s.withDelivered(key("api"), "slack", "2"));
          } catch (StateStoreException e) {
            throw new IllegalStateException(e);
          }
        });

    mine.update(s -> s.withDelivered(key("web"), "slack", "1"));

    assertThat(mine.load().delivered()).containsOnlyKeys(key("web"), key("api"));
  }

  @Test
  void givesUpAfterTheConfiguredAttemptsAsARetryableFailure() throws Exception {
    ConfigMapResultStore store =
        store(new ConfigMapStoreSettings("inspectr", "inspectr-state", 3, null, null));
    store.update(s -> s.withDelivered(key("web"), "slack", "1"));
    server.failNext("PUT", "/configmaps/inspectr-state", 409, 3);

    assertThatThrownBy(() -> store.update(s -> s.withDelivered(key("api"), "slack", "2")))
        .isInstanceOfSatisfying(
            StateStoreException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("inspectr/inspectr-state")
        .hasMessageContaining("3 times");
    assertThat(store.load().delivered()).containsOnlyKeys(key("web"));
  }

  @Test
  void refusesAStateOverTheConfigMapLimitAndKeepsTheStoredOne() throws Exception {
    ConfigMapResultStore store = store(SETTINGS);
    store.update(s -> s.withDelivered(key("web"), "slack", "1"));
    Random random = new Random(42);
    Map<ResultKey, Map<String, String>> huge = new LinkedHashMap<>();
    for (int i = 0; i < 40_000; i++) {
      huge.put(
          key(Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())),
          Map.of("slack", Long.toHexString(random.nextLong())));
    }

    assertThatThrownBy(() -> store.update(s -> new AlertState(null, huge)))
        .isInstanceOfSatisfying(
            StateStoreException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("40000 results")
        .hasMessageContaining("at most 1048576 bytes")
        .hasMessageContaining("file state store");
    assertThat(store.load().delivered()).containsOnlyKeys(key("web"));
  }

  @Test
  void countsTheConfigMapsOtherKeysAgainstTheLimit() throws Exception {
    // Somebody keeps other things in the same ConfigMap: half a MiB of text and half of bytes.
    String half = "x".repeat(ConfigMapResultStore.MAX_BYTES / 2);
    server.apply(
        "configmaps",
        "{\"metadata\":{\"name\":\"inspectr-state\",\"namespace\":\"inspectr\"},"
            + "\"data\":{\"notes\":\""
            + half
            + "\"},\"binaryData\":{\"blob\":\""
            + Base64.getEncoder().encodeToString(half.getBytes(StandardCharsets.UTF_8))
            + "\"}}");
    ConfigMapResultStore store = store(SETTINGS);

    assertThatThrownBy(() -> store.update(s -> s.withDelivered(key("web"), "slack", "1")))
        .isInstanceOfSatisfying(
            StateStoreException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("1 results")
        .hasMessageContaining("other keys")
        .hasMessageContaining("at most 1048576 bytes");
    assertThat(server.requests("PUT", "/configmaps/inspectr-state"))
        .as("nothing the API server would refuse is sent")
        .isZero();
  }

  @Test
  void aDeniedReadNamesThePermissionToGrant() {
    server.failNext("GET", "/configmaps/inspectr-state", 403, 1);

    assertThatThrownBy(() -> store(SETTINGS).load())
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("403")
        .hasMessageContaining("grant get, create and update on configmaps in namespace inspectr");
  }
}
