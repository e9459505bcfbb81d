package io.inspectr.core.spi;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.result.ResultKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A notifier's answer to a {@link Report}: one outcome per result of the report.
 *
 * @param notifierId the notifier's id
 * @param outcomes the outcome of each result key of the report
 * @since 0.1
 */
public record DeliveryReport(String notifierId, Map<ResultKey, DeliveryOutcome> outcomes) {

  /** Copies the map, keeping its order. */
  public DeliveryReport {
    requireNonNull(notifierId, "notifierId");
    outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
  }

  /**
   * The same outcome for every result of a report, e.g. when one message carried them all.
   *
   * @param notifierId the notifier's id
   * @param report the report
   * @param outcome the outcome
   * @return never {@code null}
   */
  public static DeliveryReport uniform(String notifierId, Report report, DeliveryOutcome outcome) {
    Map<ResultKey, DeliveryOutcome> outcomes = new LinkedHashMap<>();
    for (InspectrResult result : report.results()) {
      outcomes.put(result.key(), outcome);
    }
    return new DeliveryReport(notifierId, outcomes);
  }

  /**
   * The keys the receiver confirmed.
   *
   * @return never {@code null}
   */
  public Set<ResultKey> delivered() {
    return outcomes.entrySet().stream()
        .filter(e -> e.getValue().isDelivered())
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether every result was confirmed.
   *
   * @return {@code true} when nothing failed
   */
  public boolean allDelivered() {
    return outcomes.values().stream().allMatch(DeliveryOutcome::isDelivered);
  }
}
