package io.inspectr.notify.slack.internal;

import io.inspectr.core.config.Secret;
import io.inspectr.notify.HttpOptions;
import io.inspectr.notify.internal.HttpCall;
import io.inspectr.notify.internal.HttpVerdict;
import io.inspectr.notify.internal.Json;
import io.inspectr.notify.internal.NotifyHttp;
import io.inspectr.notify.internal.Pacer;
import io.inspectr.notify.internal.Redactor;
import io.inspectr.notify.internal.Sleeper;
import io.inspectr.notify.internal.ThrottledHttp;
import io.inspectr.notify.slack.json.SlackMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One Slack incoming webhook: posts messages one at a time, at least {@code minInterval} apart,
 * waits out {@code 429 Retry-After} within the configured cap, and judges every answer (Slack
 * answers {@code 200 ok}). The webhook URL is a secret: it appears nowhere but in the request.
 * Thread-safe.
 */
public final class SlackWebhook implements AutoCloseable {
  /** The receiver's name in messages. */
  public static final String RECEIVER = "the Slack webhook";

  private final ThrottledHttp http;
  private final Secret url;

  private SlackWebhook(ThrottledHttp http, Secret url) {
    this.http = http;
    this.url = url;
  }

  /**
   * Opens a webhook.
   *
   * @param url the whole webhook URL, a secret
   * @param minInterval the least time between two messages
   * @param options timeouts and rate-limit patience
   * @param clock tells the time
   * @param sleeper waits
   * @return never {@code null}
   */
  public static SlackWebhook open(
      Secret url, Duration minInterval, HttpOptions options, Clock clock, Sleeper sleeper) {
    NotifyHttp client = new NotifyHttp(options.connectTimeout(), options.timeout(), clock);
    ThrottledHttp http =
        new ThrottledHttp(
            client,
            new Pacer(clock, sleeper, minInterval),
            sleeper,
            new ThrottledHttp.Settings(options.maxRetryAfter(), options.maxRateLimitRetries()),
            RECEIVER,
            SlackErrors.INSTANCE,
            Redactor.of(url));
    return new SlackWebhook(http, url);
  }

  /**
   * Posts one message.
   *
   * @param message the message
   * @param action what the message is, for failure messages, e.g. "post message 2 of 5"
   * @return the verdict; never throws for a failed post
   * @throws InterruptedException when interrupted while waiting
   */
  public HttpVerdict post(SlackMessage message, String action) throws InterruptedException {
    return http.send(HttpCall.postJson(url, Map.of(), Json.write(message), action)).verdict();
  }

  /** Closes the connections. */
  @Override
  public void close() {
    http.close();
  }

  /** Names the receiver only. */
  @Override
  public String toString() {
    return "SlackWebhook[" + Secret.MASK + "]";
  }
}
