package io.inspectr.registry.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request through the per-host limit, follows redirects and retries what may succeed later:
 * I/O errors and 5xx with backoff, 429 and 503 after {@code Retry-After} (capped, with jitter).
 * Waits are scheduled on a timer ({@link Delayer}); no thread sleeps. Thread-safe.
 *
 * <p>Nothing is sent once the lookup's {@link Deadline} is over: a request still waiting for its
 * host's slot leaves the queue when the lookup gives up, one whose turn (or transport thread) comes
 * after the deadline fails without being sent, and no retry is made whose wait ends after it. A
 * request already sent is not interrupted: it ends with its response or the read timeout, and holds
 * its host's slot until then.
 *
 * <p>A redirect to another host or scheme drops the {@code Authorization} header, so credentials
 * and tokens only reach the host they belong to; plain HTTP is only followed to listed hosts.
 */
public final class Exchange {
  /** Attempts per request, the first included, for I/O errors, 5xx and 429. */
  public static final int MAX_ATTEMPTS = 4;

  /** Redirects followed per request. */
  public static final int MAX_REDIRECTS = 5;

  /** First backoff for I/O errors and 5xx; doubled per attempt. */
  static final Duration BASE_BACKOFF = Duration.ofMillis(200);

  /** First backoff for a 429 without {@code Retry-After}; doubled per attempt. */
  static final Duration BASE_RATE_LIMIT_BACKOFF = Duration.ofSeconds(1);

  /** Longest backoff when the server did not say how long to wait. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  /** Jitter added on top of every wait, as a fraction of it, so callers do not retry in step. */
  static final double JITTER = 0.1;

  private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

  private final HttpTransport transport;
  private final HostLimiter limiter;
  private final Hosts hosts;
  private final Delayer delayer;
  private final Clock clock;
  private final Duration retryAfterCap;

  /**
   * Creates the exchange.
   *
   * @param transport sends single requests
   * @param limiter bounds requests per host
   * @param hosts which hosts allow plain HTTP
   * @param delayer schedules waits
   * @param clock the current time
   * @param retryAfterCap the longest {@code Retry-After} waited for; longer asks fail at once
   */
  public Exchange(
      HttpTransport transport,
      HostLimiter limiter,
      Hosts hosts,
      Delayer delayer,
      Clock clock,
      Duration retryAfterCap) {
    this.transport = transport;
    this.limiter = limiter;
    this.hosts = hosts;
    this.delayer = delayer;
    this.clock = clock;
    this.retryAfterCap = retryAfterCap;
  }

  /**
   * The host policy.
   *
   * @return never {@code null}
   */
  public Hosts hosts() {
    return hosts;
  }

  /**
   * The clock.
   *
   * @return never {@code null}
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Sends a request with retries and redirects.
   *
   * @param call the request
   * @param deadline when the lookup gives up
   * @return the last response (which may still be an error status); fails with an {@link
   *     IOException} when no response came
   */
  public CompletableFuture<HttpResult> send(HttpCall call, Deadline deadline) {
    if (!hosts.allows(call.uri())) {
      return CompletableFuture.failedFuture(new InsecureSchemeException(call.uri()));
    }
    return attempt(call, deadline, 1, 0);
  }

  private CompletableFuture<HttpResult> attempt(
      HttpCall call, Deadline deadline, int attempt, int redirects) {
    return limiter
        .run(call, deadline, () -> transport.send(call, deadline))
        .handle((result, error) -> next(call, deadline, attempt, redirects, result, error))
        .thenCompose(f -> f);
  }

  private CompletableFuture<HttpResult> next(
      HttpCall call,
      Deadline deadline,
      int attempt,
      int redirects,
      @Nullable HttpResult result,
      @Nullable Throwable error) {
    if (error != null) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      boolean retryable =
          cause instanceof IOException
              && !(cause instanceof ResponseTooLargeException)
              && !(cause instanceof SSLException);
      if (retryable) {
        Optional<Duration> wait = backoff(attempt, BASE_BACKOFF, deadline);
        if (wait.isPresent()) {
          LOG.debug("Retrying {} in {} after {}", call, wait.get(), cause.toString());
          return retry(call, deadline, attempt, redirects, wait.get());
        }
      }
      return CompletableFuture.failedFuture(cause);
    }
    int status = result.status();
    if (isRedirect(status) && result.header("Location").isPresent()) {
      return redirect(call, deadline, redirects, result);
    }
    if (status == 429 || status == 503) {
      Optional<Duration> asked = RetryAfter.parse(result.header("Retry-After"), clock);
      if (asked.isPresent() && asked.get().compareTo(retryAfterCap) > 0) {
        return CompletableFuture.completedFuture(result);
      }
      Optional<Duration> wait =
          asked.isPresent()
              ? within(attempt, withJitter(asked.get()), deadline)
              : backoff(attempt, status == 429 ? BASE_RATE_LIMIT_BACKOFF : BASE_BACKOFF, deadline);
      if (wait.isPresent()) {
        LOG.debug("{} answered {}; retrying in {}", call, status, wait.get());
        return retry(call, deadline, attempt, redirects, wait.get());
      }
      return CompletableFuture.completedFuture(result);
    }
    if (status >= 500) {
      Optional<Duration> wait = backoff(attempt, BASE_BACKOFF, deadline);
      if (wait.isPresent()) {
        LOG.debug("{} answered {}; retrying in {}", call, status, wait.get());
        return retry(call, deadline, attempt, redirects, wait.get());
      }
    }
    return CompletableFuture.completedFuture(result);
  }

  private CompletableFuture<HttpResult> retry(
      HttpCall call, Deadline deadline, int attempt, int redirects, Duration wait) {
    return delayer.after(wait).thenCompose(x -> attempt(call, deadline, attempt + 1, redirects));
  }

  private CompletableFuture<HttpResult> redirect(
      HttpCall call, Deadline deadline, int redirects, HttpResult result) {
    if (redirects >= MAX_REDIRECTS) {
      return CompletableFuture.failedFuture(
          new IOException("more than " + MAX_REDIRECTS + " redirects from " + call));
    }
    URI target;
    try {
      target = call.uri().resolve(result.header("Location").orElseThrow());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new IOException("a malformed redirect Location from " + call, e));
    }
    if (!hosts.allows(target)) {
      return CompletableFuture.failedFuture(new InsecureSchemeException(target));
    }
    String method = result.status() == 303 && !call.method().equals("HEAD") ? "GET" : call.method();
    HttpCall next = call.redirectedTo(target, method);
    if (!sameOrigin(call.uri(), target)) {
      next = next.withHeader(HttpCall.AUTHORIZATION, null);
    }
    return attempt(next, deadline, 1, redirects + 1);
  }

  /**
   * Whether two URIs share scheme, host and port: only then may credentials go along.
   *
   * @param a one URI
   * @param b another URI
   * @return {@code true} when they do
   */
  public static boolean sameOrigin(URI a, URI b) {
    return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
        && Hosts.authority(a).equals(Hosts.authority(b));
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private Optional<Duration> backoff(int attempt, Duration base, Deadline deadline) {
    long millis = base.toMillis() << Math.min(attempt - 1, 16);
    Duration d = Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    return within(attempt, withJitter(d), deadline);
  }

  private Optional<Duration> within(int attempt, Duration wait, Deadline deadline) {
    if (attempt >= MAX_ATTEMPTS || clock.instant().plus(wait).isAfter(deadline.at())) {
      return Optional.empty();
    }
    return Optional.of(wait);
  }

  private static Duration withJitter(Duration d) {
    long extra = (long) (d.toMillis() * JITTER * ThreadLocalRandom.current().nextDouble());
    return d.plusMillis(extra);
  }

  /** A URI would be requested over plain HTTP although its host is not listed as insecure. */
  public static final class InsecureSchemeException extends IOException {
    private static final long serialVersionUID = 1L;

    InsecureSchemeException(URI uri) {
      super(
          "inspectr refuses to send a request to "
              + Hosts.authority(uri)
              + " over "
              + uri.getScheme()
              + ", perhaps you should list it in INSPECTR_INSECURE_REGISTRIES if it only serves"
              + " plain HTTP");
    }
  }
}
