package io.inspectr.notify.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.NotificationException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the outcome of each finding while a notifier works through a report, and turns them into
 * its answer. When one finding travelled in several requests, its worst outcome counts. When
 * nothing at all was delivered because the receiver itself failed (unreachable, refused the
 * credentials, revoked) or because the thread was interrupted, the answer is a {@link
 * NotificationException}, as the SPI asks. A result never tried (the receiver failed first, the
 * time budget ran out) is a retryable failure. Not thread-safe: one per delivery.
 */
public final class Deliveries {
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

  private final String notifierId;
  private final Map<ResultKey, DeliveryOutcome> outcomes = new LinkedHashMap<>();
  private final java.util.Set<ResultKey> trivial = new java.util.HashSet<>();
  private @Nullable HttpVerdict receiverFailure;
  private @Nullable Duration outOfTime;
  private boolean interrupted;

  /**
   * Starts collecting.
   *
   * @param notifierId the notifier's id
   */
  public Deliveries(String notifierId) {
    this.notifierId = requireNonNull(notifierId, "notifierId");
  }

  /**
   * Records the outcome of one finding; a worse outcome recorded earlier stays.
   *
   * @param key the finding
   * @param outcome what became of it
   */
  public void record(ResultKey key, DeliveryOutcome outcome) {
    outcomes.merge(key, outcome, (old, now) -> rank(now) > rank(old) ? now : old);
  }

  /**
   * Records a result that needed no request (nothing to tell about it) as delivered. It does not
   * count as proof that the receiver works.
   *
   * @param key the result
   * @param detail why nothing was needed
   */
  public void nothingToDo(ResultKey key, String detail) {
    trivial.add(key);
    record(key, DeliveryOutcome.delivered(detail));
  }

  /**
   * Records one outcome for several findings.
   *
   * @param keys the findings
   * @param outcome what became of them
   */
  public void recordAll(Collection<ResultKey> keys, DeliveryOutcome outcome) {
    for (ResultKey key : keys) {
      record(key, outcome);
    }
  }

  /**
   * Notes that the receiver as a whole failed; the first such failure is kept.
   *
   * @param verdict a failure with {@link HttpVerdict#receiverWide()}
   */
  public void receiverFailed(HttpVerdict verdict) {
    if (receiverFailure == null) {
      receiverFailure = verdict;
    }
  }

  /**
   * Notes that the thread was interrupted (the app is shutting down): nothing more is sent, and
   * what was not delivered is offered again later.
   */
  public void interrupted() {
    interrupted = true;
    LOG.warn("{}: stopped, interrupted; what was not delivered is offered again later", notifierId);
  }

  /**
   * Notes that the delivery used up its time budget: nothing more is sent, and what was not
   * delivered is offered again later.
   *
   * @param budget the budget, for messages
   */
  public void outOfTime(Duration budget) {
    if (outOfTime == null) {
      outOfTime = budget;
      LOG.warn(
          "{}: stopped after max-delivery-time ({} s); what was not delivered is offered again"
              + " later",
          notifierId,
          budget.toSeconds());
    }
  }

  /**
   * Whether the delivery should stop sending: the receiver failed as a whole or the time budget is
   * used up.
   *
   * @return {@code true} after {@link #receiverFailed} or {@link #outOfTime}
   */
  public boolean stopped() {
    return receiverFailure != null || outOfTime != null;
  }

  /**
   * Whether the receiver failed as a whole, so that sending more is pointless.
   *
   * @return {@code true} after {@link #receiverFailed}
   */
  public boolean receiverHasFailed() {
    return receiverFailure != null;
  }

  /**
   * The answer to the report: an outcome for every result, in the report's order. A result without
   * a recorded outcome was not sent because the receiver failed first.
   *
   * @param report the report delivered
   * @return never {@code null}
   * @throws NotificationException when nothing was delivered because the receiver failed
   */
  public DeliveryReport finish(Report report) throws NotificationException {
    HttpVerdict failure = receiverFailure;
    boolean anyDelivered =
        outcomes.entrySet().stream()
            .anyMatch(e -> e.getValue().isDelivered() && !trivial.contains(e.getKey()));
    if (failure != null && !anyDelivered) {
      throw new NotificationException(notifierId, failure.reason(), failure.isRetryable(), null);
    }
    if (interrupted && !anyDelivered) {
      throw new NotificationException(
          notifierId, "Stopped, interrupted before anything was delivered", true, null);
    }
    if (outOfTime != null && !anyDelivered) {
      throw new NotificationException(notifierId, notInTime(outOfTime), true, null);
    }
    Map<ResultKey, DeliveryOutcome> answer = new LinkedHashMap<>();
    for (InspectrResult result : report.results()) {
      DeliveryOutcome outcome = outcomes.get(result.key());
      if (outcome == null) {
        outcome = notSent(failure, outOfTime);
      }
      answer.put(result.key(), outcome);
    }
    return new DeliveryReport(notifierId, answer);
  }

  /**
   * The outcome of a result that was never tried. Always retryable: nothing is known to be wrong
   * with the finding itself, so it is offered again once the receiver works.
   */
  private static DeliveryOutcome notSent(
      @Nullable HttpVerdict failure, @Nullable Duration outOfTime) {
    if (failure != null) {
      return DeliveryOutcome.retryable(
          "Not sent because an earlier request failed: " + failure.reason(), failure.retryAfter());
    }
    if (outOfTime != null) {
      return DeliveryOutcome.retryable(notInTime(outOfTime), null);
    }
    return DeliveryOutcome.retryable("Not sent: inspectr stopped before this finding", null);
  }

  private static String notInTime(Duration budget) {
    return "Not sent: the delivery used up its max-delivery-time of "
        + budget.toSeconds()
        + " s first; it is offered again on a later cycle";
  }

  private static int rank(DeliveryOutcome outcome) {
    switch (outcome.status()) {
      case DELIVERED:
        return 0;
      case RETRYABLE_FAILURE:
        return 1;
      default:
        return 2;
    }
  }
}
