package io.inspectr.notify.webhook;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.Secret;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.core.spi.Notifier;
import io.inspectr.notify.internal.Deliveries;
import io.inspectr.notify.internal.ErrorExplainer;
import io.inspectr.notify.internal.Findings;
import io.inspectr.notify.internal.HttpCall;
import io.inspectr.notify.internal.HttpVerdict;
import io.inspectr.notify.internal.Json;
import io.inspectr.notify.internal.NotifyHttp;
import io.inspectr.notify.internal.Pacer;
import io.inspectr.notify.internal.Redactor;
import io.inspectr.notify.internal.Sleeper;
import io.inspectr.notify.internal.ThrottledHttp;
import io.inspectr.notify.webhook.json.WebhookPayload;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each report as one JSON request (schema {@code inspectr.report.v1}, see {@code
 * docs/notifiers.md}) to a configured URL, with the configured headers and, when a secret is
 * configured, an HMAC-SHA256 signature of the body ({@code sha256=<hex>}, as GitHub signs its
 * webhooks). Any 2xx confirms every finding of the report. New-findings reports without findings or
 * failures are not sent. Thread-safe.
 *
 * @since 0.1
 */
public final class WebhookNotifier implements Notifier {
  /** The notifier id. */
  public static final String ID = "webhook";

  /** The receiver's name in messages. */
  static final String RECEIVER = "the webhook";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

  private final WebhookNotifierConfig config;
  private final ThrottledHttp http;
  private final Supplier<String> ids;

  /**
   * Creates a notifier with the system clock.
   *
   * @param config the configuration
   */
  public WebhookNotifier(WebhookNotifierConfig config) {
    this(config, Clock.systemUTC(), Sleeper.system(), () -> UUID.randomUUID().toString());
  }

  WebhookNotifier(
      WebhookNotifierConfig config, Clock clock, Sleeper sleeper, Supplier<String> ids) {
    this.config = requireNonNull(config, "config");
    this.ids = requireNonNull(ids, "ids");
    List<Secret> secrets = new ArrayList<>(config.headers().values());
    secrets.add(config.url());
    if (config.hmacSecret() != null) {
      secrets.add(config.hmacSecret());
    }
    this.http =
        new ThrottledHttp(
            new NotifyHttp(config.http().connectTimeout(), config.http().timeout(), clock),
            new Pacer(clock, sleeper, Duration.ZERO),
            sleeper,
            new ThrottledHttp.Settings(
                config.http().maxRetryAfter(), config.http().maxRateLimitRetries()),
            RECEIVER,
            ErrorExplainer.PLAIN,
            Redactor.of(secrets));
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * Sends the report as one request.
   *
   * @throws NotificationException when the receiver is unreachable or refused the request as a
   *     whole (401, 403, 404, 410, 429 beyond the cap, 5xx)
   */
  @Override
  public synchronized DeliveryReport deliver(Report report) throws NotificationException {
    List<InspectrResult> findings = Findings.findings(report);
    if (report.kind() == Report.Kind.NEW_FINDINGS
        && findings.isEmpty()
        && report.failures().isEmpty()) {
      return DeliveryReport.uniform(ID, report, DeliveryOutcome.delivered("nothing to tell"));
    }
    String deliveryId = ids.get();
    byte[] body =
        Json.write(WebhookPayload.of(report, findings, deliveryId))
            .getBytes(StandardCharsets.UTF_8);
    Deliveries deliveries = new Deliveries(ID);
    try {
      HttpVerdict verdict = http.send(call(report, deliveryId, body)).verdict();
      if (report.kind() == Report.Kind.TEST) {
        if (!verdict.isDelivered()) {
          throw new NotificationException(ID, verdict.reason(), verdict.isRetryable(), null);
        }
        return new DeliveryReport(ID, Map.of());
      }
      report
          .results()
          .forEach(
              r -> deliveries.record(r.key(), verdict.outcome("webhook delivery " + deliveryId)));
      if (!verdict.isDelivered()) {
        LOG.warn("{}", verdict.reason());
        if (verdict.receiverWide()) {
          deliveries.receiverFailed(verdict);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deliveries.interrupted();
    }
    return deliveries.finish(report);
  }

  private HttpCall call(Report report, String deliveryId, byte[] body) {
    Map<String, Secret> headers = new LinkedHashMap<>(config.headers());
    headers.put("X-Inspectr-Delivery", Secret.of(deliveryId));
    headers.put("X-Inspectr-Event", Secret.of(WebhookPayload.kind(report.kind())));
    if (config.hmacSecret() != null) {
      headers.put(config.signatureHeader(), Secret.of("sha256=" + sign(config.hmacSecret(), body)));
    }
    return new HttpCall(
        config.method(),
        config.url(),
        headers,
        body,
        "application/json",
        "send a "
            + WebhookPayload.kind(report.kind())
            + " report with "
            + Findings.findings(report).size()
            + " findings");
  }

  /**
   * The lowercase hex HMAC-SHA256 of a body.
   *
   * @param key the shared secret
   * @param body the exact bytes sent
   * @return 64 hex digits
   */
  static String sign(Secret key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256 with any key", e);
    }
  }

  /** Closes the connections. */
  @Override
  public void close() {
    http.close();
  }

  /** Names the notifier, never its URL. */
  @Override
  public String toString() {
    return "WebhookNotifier[" + config + "]";
  }
}
