package io.inspectr.notify.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one receiver politely: spaced by a {@link Pacer}, and on {@code 429} waiting as
 * long as {@code Retry-After} asks (when that is within a cap) before trying the same request
 * again, a bounded number of times. Every answer is judged by {@link HttpVerdict}; a client closed
 * under a request (the notifier was closed while delivering) is a retryable failure, and an
 * interrupted request an {@link InterruptedException}. Thread-safe.
 */
public final class ThrottledHttp implements AutoCloseable {
  /** How long to wait after a 429 without {@code Retry-After}. */
  public static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(ThrottledHttp.class);

  private final NotifyHttp http;
  private final Pacer pacer;
  private final Sleeper sleeper;
  private final Settings settings;
  private final String receiver;
  private final ErrorExplainer explainer;
  private final Redactor redactor;

  /**
   * How patient to be with a receiver that asks to slow down.
   *
   * @param maxRetryAfter the longest {@code Retry-After} waited for; a longer one ends the attempt
   * @param maxRateLimitRetries how many times one request is sent again after a 429
   */
  public record Settings(Duration maxRetryAfter, int maxRateLimitRetries) {
    /** Checks the parts. */
    public Settings {
      requireNonNull(maxRetryAfter, "maxRetryAfter");
      if (maxRateLimitRetries < 0) {
        throw new IllegalArgumentException(
            "maxRateLimitRetries must not be negative: " + maxRateLimitRetries);
      }
    }
  }

  /**
   * The result of one request, after any waits.
   *
   * @param verdict what it means
   * @param answer the last answer, or {@code null} when none came
   */
  public record Exchange(HttpVerdict verdict, @Nullable HttpAnswer answer) {
    /** Checks the parts. */
    public Exchange {
      requireNonNull(verdict, "verdict");
    }
  }

  /**
   * Creates the sender.
   *
   * @param http the client; closed with this sender
   * @param pacer spaces the requests
   * @param sleeper waits after a 429
   * @param settings how patient to be
   * @param receiver the receiver's name for messages, e.g. "the Slack webhook"
   * @param explainer reads the receiver's error bodies
   * @param redactor scrubs the receiver's secrets from messages
   */
  public ThrottledHttp(
      NotifyHttp http,
      Pacer pacer,
      Sleeper sleeper,
      Settings settings,
      String receiver,
      ErrorExplainer explainer,
      Redactor redactor) {
    this.http = requireNonNull(http, "http");
    this.pacer = requireNonNull(pacer, "pacer");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.settings = requireNonNull(settings, "settings");
    this.receiver = requireNonNull(receiver, "receiver");
    this.explainer = requireNonNull(explainer, "explainer");
    this.redactor = requireNonNull(redactor, "redactor");
  }

  /**
   * Sends a request, waiting out rate limits within the cap.
   *
   * @param call the request
   * @return the verdict and the last answer
   * @throws InterruptedException when interrupted while waiting; nothing more is sent
   */
  public Exchange send(HttpCall call) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      pacer.awaitTurn();
      HttpAnswer answer;
      try {
        answer = http.exchange(call);
      } catch (IOException e) {
        throwIfInterrupted(call, e);
        return new Exchange(HttpVerdict.unreachable(call, e, receiver, redactor), null);
      } catch (IllegalStateException e) {
        // "Connection pool shut down" after close(); a cancelled lease when interrupted.
        throwIfInterrupted(call, e);
        return new Exchange(HttpVerdict.closed(call, receiver), null);
      }
      if (answer.status() != 429 || attempt >= settings.maxRateLimitRetries()) {
        return new Exchange(HttpVerdict.judge(call, answer, receiver, explainer, redactor), answer);
      }
      Duration wait = answer.retryAfter() == null ? DEFAULT_RATE_LIMIT_WAIT : answer.retryAfter();
      if (wait.compareTo(settings.maxRetryAfter()) > 0) {
        LOG.warn(
            "{} at {} asked to wait {} s, longer than the {} s inspectr waits; trying again on a"
                + " later cycle",
            receiver,
            call.target(),
            wait.toSeconds(),
            settings.maxRetryAfter().toSeconds());
        return new Exchange(HttpVerdict.judge(call, answer, receiver, explainer, redactor), answer);
      }
      LOG.info(
          "{} at {} is rate limiting; waiting {} ms before trying to {} again ({} of {})",
          receiver,
          call.target(),
          wait.toMillis(),
          call.action(),
          attempt + 1,
          settings.maxRateLimitRetries());
      sleeper.sleep(wait);
    }
  }

  /** HttpClient reports an interrupt while it waits as "Request aborted" or a cancelled lease. */
  private static void throwIfInterrupted(HttpCall call, Exception error)
      throws InterruptedException {
    if (Thread.interrupted()) {
      InterruptedException e =
          new InterruptedException("Interrupted while trying to " + call.action());
      e.initCause(error);
      throw e;
    }
  }

  /**
   * The receiver's name used in messages.
   *
   * @return never {@code null}
   */
  public String receiver() {
    return receiver;
  }

  /**
   * The redactor of this receiver's secrets.
   *
   * @return never {@code null}
   */
  public Redactor redactor() {
    return redactor;
  }

  /** Closes the client. */
  @Override
  public void close() {
    http.close();
  }
}
