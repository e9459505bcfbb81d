package io.inspectr.notify.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request to a receiver. The URI and header values may hold secrets (a webhook path, an
 * {@code Authorization} header), so they are kept as {@link Secret}s and the string form names only
 * the method, the host and what the request is for.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT}
 * @param uri where to, possibly with a secret path
 * @param headers extra headers; values may be secrets
 * @param body the body, or {@code null} for none
 * @param contentType the body's media type, e.g. {@code application/json}
 * @param action what the request is for, for messages, e.g. "post message 2 of 5"
 */
public record HttpCall(
    String method,
    Secret uri,
    Map<String, Secret> headers,
    byte @Nullable [] body,
    String contentType,
    String action) {

  /** Checks and copies the parts. */
  public HttpCall {
    requireNonNull(method, "method");
    requireNonNull(uri, "uri");
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    requireNonNull(contentType, "contentType");
    requireNonNull(action, "action");
  }

  /**
   * A JSON POST.
   *
   * @param uri where to
   * @param headers extra headers
   * @param json the body
   * @param action what it is for
   * @return never {@code null}
   */
  public static HttpCall postJson(
      Secret uri, Map<String, Secret> headers, String json, String action) {
    return new HttpCall(
        "POST", uri, headers, json.getBytes(StandardCharsets.UTF_8), "application/json", action);
  }

  /**
   * The scheme, host and port of the target, which are never secret: {@code
   * https://hooks.slack.com}.
   *
   * @return never {@code null}
   */
  public String target() {
    return origin(URI.create(uri.reveal()));
  }

  /**
   * The scheme, host and port of a URI.
   *
   * @param uri never {@code null}
   * @return e.g. {@code https://jira.example.com:8443}
   */
  public static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /** Method, target and purpose; never the path, query or headers. */
  @Override
  public String toString() {
    return method + " " + target() + " (" + action + ")";
  }
}
