package io.inspectr.notify.slack;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.Report;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.core.spi.Notifier;
import io.inspectr.notify.internal.Budget;
import io.inspectr.notify.internal.Deliveries;
import io.inspectr.notify.internal.HttpVerdict;
import io.inspectr.notify.internal.Sleeper;
import io.inspectr.notify.slack.internal.SlackPost;
import io.inspectr.notify.slack.internal.SlackReportLayout;
import io.inspectr.notify.slack.internal.SlackWebhook;
import io.inspectr.notify.slack.json.SlackMessage;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts reports to a Slack incoming webhook as Block Kit messages grouped by image (see {@code
 * docs/notifiers.md} for the layout), split to respect Slack's limits, about one a second. A
 * message counts as delivered when Slack answers {@code 200}; its findings are then delivered. A
 * {@code 429} is waited out (within {@code max-retry-after}); a permanent error such as {@code
 * no_service} or {@code invalid_payload} is reported with what to do and not retried.
 *
 * <p>Thread-safe: deliveries take turns, so one webhook never gets two messages at once.
 *
 * @since 0.1
 */
public final class SlackNotifier implements Notifier {
  /** The notifier id. */
  public static final String ID = "slack";

  private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final SlackNotifierConfig config;
  private final Clock clock;
  private final SlackWebhook webhook;
  private final SlackReportLayout layout;

  /**
   * Creates a notifier that posts with the system clock.
   *
   * @param config the configuration
   */
  public SlackNotifier(SlackNotifierConfig config) {
    this(config, Clock.systemUTC(), Sleeper.system());
  }

  SlackNotifier(SlackNotifierConfig config, Clock clock, Sleeper sleeper) {
    this.config = requireNonNull(config, "config");
    this.clock = requireNonNull(clock, "clock");
    this.webhook =
        SlackWebhook.open(config.webhookUrl(), config.minInterval(), config.http(), clock, sleeper);
    this.layout = new SlackReportLayout(config.username(), config.reportUpToDate());
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * Posts the report: a test message for {@link Report.Kind#TEST}, otherwise its messages in order.
   * After a failure that concerns the webhook itself (unreachable, revoked, rate limited beyond the
   * cap), or once {@code max-delivery-time} is used up, the remaining messages are not sent and
   * their findings are retryable failures.
   *
   * @throws NotificationException when not a single message got through because of the webhook
   */
  @Override
  public synchronized DeliveryReport deliver(Report report) throws NotificationException {
    Deliveries deliveries = new Deliveries(ID);
    Budget budget = Budget.start(clock, config.http().maxDeliveryTime());
    try {
      if (report.kind() == Report.Kind.TEST) {
        return test(report);
      }
      List<SlackPost> posts = layout.layout(report);
      if (posts.isEmpty()) {
        return DeliveryReport.uniform(
            ID, report, DeliveryOutcome.delivered("nothing to tell: no finding in the report"));
      }
      for (int i = 0; i < posts.size() && !budget.stops(deliveries); i++) {
        SlackPost post = posts.get(i);
        String which = "message " + (i + 1) + " of " + posts.size();
        HttpVerdict verdict = webhook.post(post.message(), "post " + which);
        deliveries.recordAll(post.keys(), verdict.outcome("Slack " + which));
        if (!verdict.isDelivered()) {
          LOG.warn("{}", verdict.reason());
          if (verdict.receiverWide()) {
            deliveries.receiverFailed(verdict);
          }
        }
      }
      LOG.debug("Posted {} Slack messages for a {} report", posts.size(), report.kind());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deliveries.interrupted();
    }
    return deliveries.finish(report);
  }

  private DeliveryReport test(Report report) throws InterruptedException, NotificationException {
    SlackMessage message =
        SlackMessage.text(
            "inspectr test message sent "
                + TIME.format(report.createdAt())
                + ": inspectr's reports will arrive in this channel.",
            config.username());
    HttpVerdict verdict = webhook.post(message, "post a test message");
    if (!verdict.isDelivered()) {
      throw new NotificationException(ID, verdict.reason(), verdict.isRetryable(), null);
    }
    return new DeliveryReport(ID, Map.of());
  }

  /** Closes the connections. */
  @Override
  public void close() {
    webhook.close();
  }

  /** Names the notifier, never the webhook. */
  @Override
  public String toString() {
    return "SlackNotifier[" + config + "]";
  }
}
