package io.inspectr.k8s.state;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Utf8;
import io.inspectr.core.alert.AlertState;
import io.inspectr.core.alert.AlertStateCodec;
import io.inspectr.core.spi.ResultStore;
import io.inspectr.core.spi.StateStoreException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the alert state in a ConfigMap, so that a daemon in a cluster survives restarts without a
 * volume. The state is {@link AlertStateCodec} text, gzipped into {@code binaryData} (typically a
 * tenth of its text size), which keeps thousands of results well under the 1 MiB a ConfigMap may
 * hold; a state that would not fit, together with any other keys kept in the ConfigMap, fails with
 * a message that says so, and the stored one stays.
 *
 * <p>Updates are optimistic: read the ConfigMap and its {@code resourceVersion}, apply the change,
 * write it back with that version; when another writer got there first the API server answers
 * {@code 409 Conflict} and the round starts over, up to {@link
 * ConfigMapStoreSettings#maxAttempts()} times.
 *
 * <p>Thread-safe. Needs {@code get, create, update} on that ConfigMap.
 *
 * @since 0.1
 */
public final class ConfigMapResultStore implements ResultStore {
  /** The store's id, as {@code inspectr.state} names it. */
  public static final String ID = "configmap";

  /** The {@code binaryData} key holding the gzipped state. */
  public static final String DATA_KEY = "alert-state.gz";

  /** The most a ConfigMap may hold, keys and values together. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** When the state was last written, as an ISO-8601 instant. */
  public static final String UPDATED_ANNOTATION = "inspectr.io/updated-at";

  private final Supplier<ApiClient> clients;
  private final ConfigMapStoreSettings settings;
  private final Clock clock;
  private volatile @Nullable CoreV1Api core;

  /**
   * Creates a store.
   *
   * @param client the cluster's client
   * @param settings which ConfigMap
   * @param clock stamps {@link #UPDATED_ANNOTATION}
   */
  public ConfigMapResultStore(ApiClient client, ConfigMapStoreSettings settings, Clock clock) {
    this(() -> client, settings, clock);
  }

  /**
   * Creates a store whose client is made on first use, so that configuration is checked at startup
   * and connection problems surface as {@link StateStoreException}s.
   *
   * @param clients makes the client; may throw {@link UncheckedIOException}
   * @param settings which ConfigMap
   * @param clock stamps {@link #UPDATED_ANNOTATION}
   */
  public ConfigMapResultStore(
      Supplier<ApiClient> clients, ConfigMapStoreSettings settings, Clock clock) {
    this.clients = requireNonNull(clients, "clients");
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public AlertState load() throws StateStoreException {
    V1ConfigMap map = read();
    return map == null ? AlertState.empty() : decode(map);
  }

  @Override
  public AlertState update(UnaryOperator<AlertState> change) throws StateStoreException {
    requireNonNull(change, "change");
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      V1ConfigMap current = read();
      AlertState next = change.apply(current == null ? AlertState.empty() : decode(current));
      byte[] payload = encode(next);
      V1ConfigMap written = build(current, payload);
      requireFits(written, next, payload.length);
      try {
        if (current == null) {
          api().createNamespacedConfigMap(settings.namespace(), written).execute();
        } else {
          api()
              .replaceNamespacedConfigMap(settings.name(), settings.namespace(), written)
              .execute();
        }
        return next;
      } catch (ApiException e) {
        if (e.getCode() != 409) {
          throw failure("write", e);
        }
        // Another replica wrote first (or created it first): read again and re-apply.
      }
    }
    throw new StateStoreException(
        ID,
        "Tried to update ConfigMap "
            + where()
            + " but another writer changed it "
            + settings.maxAttempts()
            + " times in a row; the next cycle tries again",
        true,
        null);
  }

  private @Nullable V1ConfigMap read() throws StateStoreException {
    try {
      return api().readNamespacedConfigMap(settings.name(), settings.namespace()).execute();
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw failure("read", e);
    }
  }

  private V1ConfigMap build(@Nullable V1ConfigMap current, byte[] payload) {
    V1ObjectMeta meta =
        current != null && current.getMetadata() != null
            ? current.getMetadata()
            : new V1ObjectMeta().name(settings.name()).namespace(settings.namespace());
    Map<String, String> labels =
        meta.getLabels() == null ? new HashMap<>() : new HashMap<>(meta.getLabels());
    labels.put("app.kubernetes.io/managed-by", "inspectr");
    Map<String, String> annotations =
        meta.getAnnotations() == null ? new HashMap<>() : new HashMap<>(meta.getAnnotations());
    annotations.put(UPDATED_ANNOTATION, clock.instant().toString());
    meta.labels(labels).annotations(annotations);
    Map<String, byte[]> binary =
        current == null || current.getBinaryData() == null
            ? new HashMap<>()
            : new HashMap<>(current.getBinaryData());
    binary.put(DATA_KEY, payload);
    return new V1ConfigMap()
        .apiVersion("v1")
        .kind("ConfigMap")
        .metadata(meta)
        .data(current == null ? null : current.getData())
        .binaryData(binary);
  }

  private AlertState decode(V1ConfigMap map) throws StateStoreException {
    byte[] payload = map.getBinaryData() == null ? null : map.getBinaryData().get(DATA_KEY);
    if (payload == null) {
      return AlertState.empty();
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(payload))) {
      return AlertStateCodec.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new StateStoreException(
          ID,
          "Tried to read the alert state from ConfigMap "
              + where()
              + " key "
              + DATA_KEY
              + " but it is corrupt ("
              + e.getMessage()
              + "); perhaps you should delete that key so that inspectr starts afresh",
          false,
          e);
    }
  }

  private static byte[] encode(AlertState state) {
    byte[] text = AlertStateCodec.encode(state).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length / 8 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Fails before the write when the ConfigMap as it will be written, the other keys somebody keeps
   * in it included, exceeds what the API server accepts (which would refuse it with an unclear
   * {@code 422}).
   */
  private void requireFits(V1ConfigMap written, AlertState state, int payloadBytes)
      throws StateStoreException {
    long total = size(written);
    if (total <= MAX_BYTES) {
      return;
    }
    long others = total - payloadBytes - Utf8.encodedLength(DATA_KEY);
    throw new StateStoreException(
        ID,
        "Tried to store the alert state ("
            + state.delivered().size()
            + " results, "
            + payloadBytes
            + " bytes gzipped) in ConfigMap "
            + where()
            + (others > 0 ? ", whose other keys take " + others + " bytes," : "")
            + " but a ConfigMap holds at most "
            + MAX_BYTES
            + " bytes, keys and values together; the stored state was kept. Perhaps you should"
            + (others > 0 ? " keep inspectr's ConfigMap for inspectr alone, or" : "")
            + " use the file state store on a persistent volume, or watch fewer namespaces or"
            + " clusters from one instance",
        false,
        null);
  }

  /** The bytes of every key and value in {@code data} and {@code binaryData}. */
  private static long size(V1ConfigMap map) {
    long total = 0;
    if (map.getData() != null) {
      for (Map.Entry<String, String> e : map.getData().entrySet()) {
        total += Utf8.encodedLength(e.getKey());
        total += e.getValue() == null ? 0 : Utf8.encodedLength(e.getValue());
      }
    }
    if (map.getBinaryData() != null) {
      for (Map.Entry<String, byte[]> e : map.getBinaryData().entrySet()) {
        total += Utf8.encodedLength(e.getKey());
        total += e.getValue() == null ? 0 : e.getValue().length;
      }
    }
    return total;
  }

  private StateStoreException failure(String action, ApiException e) {
    int code = e.getCode();
    String hint =
        code == 403
            ? "; perhaps you should grant get, create and update on configmaps in namespace "
                + settings.namespace()
            : "";
    return new StateStoreException(
        ID,
        "Tried to "
            + action
            + " ConfigMap "
            + where()
            + " but failed because: "
            + (code == 0 ? e.getMessage() : "the API server answered " + code)
            + hint,
        code == 0 || code == 429 || code >= 500,
        e);
  }

  private CoreV1Api api() throws StateStoreException {
    CoreV1Api api = core;
    if (api == null) {
      try {
        api = new CoreV1Api(clients.get());
      } catch (UncheckedIOException | IllegalStateException e) {
        throw new StateStoreException(
            ID,
            "Tried to connect to the cluster of ConfigMap "
                + where()
                + " but failed because: "
                + e.getMessage(),
            true,
            e);
      }
      core = api;
    }
    return api;
  }

  private String where() {
    return settings.namespace() + "/" + settings.name();
  }
}
