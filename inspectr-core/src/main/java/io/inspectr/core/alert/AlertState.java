package io.inspectr.core.alert;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.ResultKey;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What each notifier has confirmed: for every result key, the {@linkplain
 * io.inspectr.core.result.InspectrResult#alertFingerprint() fingerprint} it last delivered, and
 * when the last full report went out. This is what survives restarts, so that nothing delivered is
 * sent again and nothing undelivered is lost.
 *
 * <p>Immutable; the {@code with...} methods return changed copies.
 *
 * @param lastFullReport when the last full report was made, or {@code null} before the first
 * @param delivered result key, then notifier id, to the fingerprint that notifier confirmed
 * @since 0.1
 */
public record AlertState(
    @Nullable Instant lastFullReport, Map<ResultKey, Map<String, String>> delivered) {

  private static final AlertState EMPTY = new AlertState(null, Map.of());

  /** Copies the maps, deeply, in a stable order. */
  public AlertState {
    requireNonNull(delivered, "delivered");
    Map<ResultKey, Map<String, String>> copy = new LinkedHashMap<>();
    delivered.forEach(
        (key, byNotifier) -> {
          if (!byNotifier.isEmpty()) {
            copy.put(key, Collections.unmodifiableMap(new TreeMap<>(byNotifier)));
          }
        });
    delivered = Collections.unmodifiableMap(copy);
  }

  /**
   * The state before anything was delivered.
   *
   * @return never {@code null}
   */
  public static AlertState empty() {
    return EMPTY;
  }

  /**
   * The fingerprint a notifier confirmed for a key.
   *
   * @param key the result key
   * @param notifierId the notifier
   * @return empty when that notifier never confirmed anything for the key
   */
  public Optional<String> deliveredFingerprint(ResultKey key, String notifierId) {
    Map<String, String> byNotifier = delivered.get(key);
    return byNotifier == null ? Optional.empty() : Optional.ofNullable(byNotifier.get(notifierId));
  }

  /**
   * This state with one more confirmation.
   *
   * @param key the result key
   * @param notifierId the notifier that confirmed
   * @param fingerprint what it confirmed
   * @return a new state
   */
  public AlertState withDelivered(ResultKey key, String notifierId, String fingerprint) {
    Map<ResultKey, Map<String, String>> copy = new LinkedHashMap<>(delivered);
    Map<String, String> byNotifier = new TreeMap<>(copy.getOrDefault(key, Map.of()));
    byNotifier.put(notifierId, fingerprint);
    copy.put(key, byNotifier);
    return new AlertState(lastFullReport, copy);
  }

  /**
   * This state with another full-report time.
   *
   * @param time when the full report was made
   * @return a new state
   */
  public AlertState withLastFullReport(Instant time) {
    return new AlertState(requireNonNull(time, "time"), delivered);
  }

  /**
   * This state keeping only the given keys, e.g. after a full report reset it to the current set.
   *
   * @param keep the keys to keep
   * @return a new state
   */
  public AlertState retainKeys(java.util.Set<ResultKey> keep) {
    Map<ResultKey, Map<String, String>> copy = new LinkedHashMap<>(delivered);
    copy.keySet().retainAll(keep);
    return new AlertState(lastFullReport, copy);
  }
}
