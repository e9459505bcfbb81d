package io.inspectr.notify.jira.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.inspectr.core.config.Secret;
import io.inspectr.notify.HttpOptions;
import io.inspectr.notify.internal.HttpAnswer;
import io.inspectr.notify.internal.HttpCall;
import io.inspectr.notify.internal.HttpVerdict;
import io.inspectr.notify.internal.Json;
import io.inspectr.notify.internal.NotifyHttp;
import io.inspectr.notify.internal.Pacer;
import io.inspectr.notify.internal.Redactor;
import io.inspectr.notify.internal.Sleeper;
import io.inspectr.notify.internal.ThrottledHttp;
import io.inspectr.notify.jira.JiraCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON over HTTP with one JIRA: every request goes to the configured base URL only, signed with the
 * credentials, and waits out {@code 429 Retry-After} within the cap. Thread-safe.
 */
public final class JiraClient implements AutoCloseable {
  /** The receiver's name in messages. */
  public static final String RECEIVER = "JIRA";

  private final String base;
  private final String project;
  private final Map<String, Secret> headers;
  private final ThrottledHttp http;

  /**
   * Creates the client.
   *
   * @param url JIRA's base URL, possibly with a context path
   * @param credentials how to sign in
   * @param project the project key, for messages
   * @param options timeouts and rate-limit patience
   * @param clock tells the time
   * @param sleeper waits
   * @param redactor scrubs every secret of the notifier
   */
  public JiraClient(
      URI url,
      JiraCredentials credentials,
      String project,
      HttpOptions options,
      Clock clock,
      Sleeper sleeper,
      Redactor redactor) {
    String text = url.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.project = project;
    Map<String, Secret> h = new LinkedHashMap<>();
    h.put("Authorization", credentials.authorization());
    // Data Center's XSRF check otherwise rejects some POSTs of non-browser clients.
    h.put("X-Atlassian-Token", Secret.of("no-check"));
    this.headers = java.util.Collections.unmodifiableMap(h);
    this.http =
        new ThrottledHttp(
            new NotifyHttp(options.connectTimeout(), options.timeout(), clock),
            new Pacer(clock, sleeper, Duration.ZERO),
            sleeper,
            new ThrottledHttp.Settings(options.maxRetryAfter(), options.maxRateLimitRetries()),
            RECEIVER,
            new JiraErrors(project),
            redactor);
  }

  /**
   * GETs a resource.
   *
   * @param path the path after the base URL, with its query, e.g. {@code /rest/api/2/myself}
   * @param action what it is for, e.g. "read the fields"
   * @return the answer's JSON, a missing node when it has none
   * @throws JiraCallException when JIRA did not answer 2xx
   * @throws InterruptedException when interrupted while waiting
   */
  public JsonNode get(String path, String action) throws JiraCallException, InterruptedException {
    return send("GET", path, null, action);
  }

  /**
   * Sends a JSON body.
   *
   * @param method {@code POST} or {@code PUT}
   * @param path the path after the base URL
   * @param body written as JSON
   * @param action what it is for
   * @return the answer's JSON, a missing node when it has none
   * @throws JiraCallException when JIRA did not answer 2xx
   * @throws InterruptedException when interrupted while waiting
   */
  public JsonNode send(String method, String path, @Nullable Object body, String action)
      throws JiraCallException, InterruptedException {
    return send(method, path, body, action, null);
  }

  /**
   * Sends a request about one issue. A {@code 403} or {@code 404} then concerns that issue only (it
   * was deleted or moved, or the account may not see or change it), not JIRA as a whole, and the
   * message says so.
   *
   * @param issueKey the issue, e.g. {@code OPS-12}
   * @param method {@code GET}, {@code POST} or {@code PUT}
   * @param path the path after the base URL
   * @param body written as JSON, or {@code null} for none
   * @param action what it is for
   * @return the answer's JSON, a missing node when it has none
   * @throws JiraCallException when JIRA did not answer 2xx
   * @throws InterruptedException when interrupted while waiting
   */
  public JsonNode onIssue(
      String issueKey, String method, String path, @Nullable Object body, String action)
      throws JiraCallException, InterruptedException {
    return send(method, path, body, action, issueKey);
  }

  private JsonNode send(
      String method, String path, @Nullable Object body, String action, @Nullable String issueKey)
      throws JiraCallException, InterruptedException {
    HttpCall call =
        new HttpCall(
            method,
            Secret.of(base + path),
            headers,
            body == null ? null : Json.write(body).getBytes(StandardCharsets.UTF_8),
            "application/json",
            action);
    ThrottledHttp.Exchange exchange = http.send(call);
    HttpAnswer answer = exchange.answer();
    if (exchange.verdict().isDelivered() && answer != null) {
      String text = answer.body();
      return text.isBlank() ? MissingNode.getInstance() : Json.readTree(text);
    }
    if (issueKey != null && answer != null && (answer.status() == 403 || answer.status() == 404)) {
      HttpVerdict own =
          HttpVerdict.judge(
              call, answer, RECEIVER, JiraErrors.forIssue(project, issueKey), http.redactor());
      throw new JiraCallException(exchange.verdict().forThisRequestOnly(own.reason()));
    }
    throw new JiraCallException(exchange.verdict());
  }

  /**
   * JIRA's base URL without a trailing slash.
   *
   * @return never {@code null}
   */
  public String base() {
    return base;
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "JiraClient[" + base + "]";
  }
}
