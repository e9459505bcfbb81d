package io.inspectr.core.spi;

import io.inspectr.core.result.Report;

/**
 * Tells people about a {@link Report}: Slack, JIRA, a webhook, a log. Each notifier works on its
 * own; one that fails never holds the others back.
 *
 * <p>A notifier answers with an outcome per result, and reports a result as delivered only when its
 * receiver confirmed it (an HTTP 2xx, an issue key). Results it did not confirm are offered again
 * on a later cycle, so a notifier must not repeat what it confirmed when it gets a report again
 * after a partial failure, where its receiver allows telling (a JIRA issue per key does).
 *
 * <p>A report of kind {@link Report.Kind#TEST} has no results: the notifier sends a short test
 * message, or checks that its receiver accepts it where a message would leave a lasting trace (a
 * JIRA issue), and throws when it cannot.
 *
 * <p>Implementations must be thread-safe and must never put secrets (tokens, passwords, webhook
 * ids) into messages, exceptions or logs.
 *
 * @since 0.1
 */
public interface Notifier extends AutoCloseable {

  /**
   * The notifier's id, as its provider's, e.g. {@code slack}.
   *
   * @return never {@code null}
   */
  String id();

  /**
   * Delivers a report.
   *
   * @param report never {@code null}
   * @return an outcome for every result of the report, never {@code null}
   * @throws NotificationException when nothing could be delivered (receiver unreachable, refused
   *     the credentials); every result then counts as not delivered
   */
  DeliveryReport deliver(Report report) throws NotificationException;

  /** Releases connections. The default does nothing. */
  @Override
  default void close() {}
}
