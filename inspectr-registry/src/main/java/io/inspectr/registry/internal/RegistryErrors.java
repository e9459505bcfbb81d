package io.inspectr.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.ImageNotFoundException;
import io.inspectr.core.spi.RateLimitedException;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.core.spi.RegistryUnauthorizedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The one place that turns HTTP statuses, registry error JSON ({@code
 * {"errors":[{"code":..,"message":..}]}}, or any other body) and transport failures into the core
 * exception family: 401/403 are {@link RegistryUnauthorizedException}, 404 {@link
 * ImageNotFoundException}, 429 (and 503 with {@code Retry-After}) {@link RateLimitedException},
 * other 5xx and I/O errors retryable {@link RegistryAccessException}s, the rest not retryable.
 */
public final class RegistryErrors {
  /** The fix suggested when a registry wants credentials and none were found. */
  public static final String ADD_CREDENTIALS =
      "perhaps you should add credentials for %s (an image pull secret, a docker config.json or"
          + " inspectr.registry.auth.<name>.*)";

  /** The fix suggested when a registry refuses the credentials found. */
  public static final String CHECK_CREDENTIALS =
      "perhaps you should check the credentials for %s and that they may pull %s";

  /** The fix suggested on TLS failures. */
  public static final String TLS_HINT =
      "perhaps you should add the registry's CA certificate to inspectr.registry.ca-bundle, or list"
          + " %s in INSPECTR_INSECURE_REGISTRIES if it only serves plain HTTP";

  /** Longest piece of a non-JSON error body quoted in a message. */
  static final int MAX_QUOTED_BODY = 120;

  private RegistryErrors() {}

  /**
   * Translates an unsuccessful response.
   *
   * @param action what was tried, e.g. "list the tags"
   * @param repository the repository
   * @param who who answered, e.g. "the registry ghcr.io"
   * @param response the response
   * @param credentialFound whether a credential was found for the registry
   * @param clock the current time, for {@code Retry-After} dates
   * @return the exception to throw
   */
  public static RegistryAccessException fromResponse(
      String action,
      Repository repository,
      String who,
      HttpResult response,
      boolean credentialFound,
      Clock clock) {
    int status = response.status();
    String answered = who + " answered " + status + describeBody(response);
    String domain = repository.domain();
    switch (status) {
      case 401:
      case 403:
        return new RegistryUnauthorizedException(
            action,
            repository,
            answered
                + ", "
                + (credentialFound
                    ? String.format(CHECK_CREDENTIALS, domain, repository.path())
                    : String.format(ADD_CREDENTIALS, domain)),
            null);
      case 404:
        return new ImageNotFoundException(
            action, repository, answered + ", perhaps the name or tag is misspelled", null);
      case 429:
        return new RateLimitedException(
            action,
            repository,
            answered
                + " and retries ran out, perhaps you should authenticate or look up less often",
            RetryAfter.parse(response.header("Retry-After"), clock).orElse(null),
            null);
      default:
        break;
    }
    Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
    if (status == 503 && retryAfter.isPresent()) {
      return new RateLimitedException(
          action, repository, answered + " and retries ran out", retryAfter.get(), null);
    }
    boolean retryable = status >= 500 || status == 408;
    return new RegistryAccessException(
        action, repository, answered + (retryable ? " and retries ran out" : ""), retryable, null);
  }

  /**
   * Translates a failure without a usable response (I/O, TLS, timeouts, size cap, a refused token).
   *
   * @param action what was tried
   * @param repository the repository
   * @param failure what failed; {@link CompletionException} and {@link ExecutionException} are
   *     unwrapped
   * @param credentialFound whether a credential was found for the registry
   * @param clock the current time
   * @return the exception to throw
   */
  public static RegistryAccessException fromFailure(
      String action,
      Repository repository,
      Throwable failure,
      boolean credentialFound,
      Clock clock) {
    Throwable t = unwrap(failure);
    if (t instanceof RegistryAccessException e) {
      return e;
    }
    if (t instanceof CallFailure f && f.response().isPresent()) {
      return fromResponse(
          action, repository, f.getMessage(), f.response().get(), credentialFound, clock);
    }
    if (t instanceof CallFailure f) {
      return new RegistryAccessException(
          action, repository, f.getMessage(), f.isRetryable(), f.getCause());
    }
    if (t instanceof SSLException) {
      return new RegistryAccessException(
          action,
          repository,
          "TLS with "
              + repository.domain()
              + " failed ("
              + t.getMessage()
              + "), "
              + String.format(TLS_HINT, repository.domain()),
          false,
          t);
    }
    if (t instanceof ResponseTooLargeException || t instanceof Exchange.InsecureSchemeException) {
      return new RegistryAccessException(action, repository, t.getMessage(), false, t);
    }
    if (t instanceof TimeoutException) {
      return new RegistryAccessException(
          action,
          repository,
          "it took longer than inspectr.registry.lookup-timeout, perhaps the registry is slow or"
              + " unreachable",
          true,
          t);
    }
    if (t instanceof IOException) {
      return new RegistryAccessException(
          action,
          repository,
          "the registry could not be reached (" + t + ") and retries ran out",
          true,
          t);
    }
    return new RegistryAccessException(action, repository, String.valueOf(t), false, t);
  }

  /**
   * A response that could not be understood.
   *
   * @param action what was tried
   * @param repository the repository
   * @param why what is wrong with it
   * @return a retryable exception: a registry that sent half a document may send a whole one
   */
  public static RegistryAccessException badResponse(
      String action, Repository repository, String why) {
    return new RegistryAccessException(action, repository, why, true, null);
  }

  /** Removes {@link CompletionException} and {@link ExecutionException} wrappers. */
  static Throwable unwrap(Throwable t) {
    Throwable x = t;
    while ((x instanceof CompletionException || x instanceof ExecutionException)
        && x.getCause() != null) {
      x = x.getCause();
    }
    return x;
  }

  /** {@code " (CODE: message; CODE2: message)"}, a short quote of another body, or nothing. */
  static String describeBody(HttpResult response) {
    byte[] body = response.body();
    if (body.length == 0) {
      return "";
    }
    try {
      JsonNode errors = Json.tree(body).path("errors");
      if (errors.isArray() && !errors.isEmpty()) {
        List<String> parts = new ArrayList<>();
        for (JsonNode e : errors) {
          String code = e.path("code").asText("");
          String message = e.path("message").asText("");
          parts.add(message.isEmpty() ? code : code + ": " + message);
        }
        return " (" + String.join("; ", parts) + ")";
      }
    } catch (IOException e) {
      // Not JSON: quote a little of it below.
    }
    String text = response.text().replaceAll("[\\p{Cntrl}]+", " ").strip();
    if (text.isEmpty()) {
      return "";
    }
    return " (\""
        + (text.length() > MAX_QUOTED_BODY ? text.substring(0, MAX_QUOTED_BODY) + "..." : text)
        + "\")";
  }
}
