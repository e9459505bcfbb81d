package io.inspectr.registry.internal;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A whole HTTP response, body read up to the size cap.
 *
 * @param status the status code
 * @param uri the URI that answered (after redirects)
 * @param headers header values by lowercase name
 * @param body the body, empty for HEAD
 */
public record HttpResult(int status, URI uri, Map<String, List<String>> headers, byte[] body) {

  /** Lowercases the header names and copies everything. */
  public HttpResult {
    requireNonNull(uri, "uri");
    Map<String, List<String>> lower = new TreeMap<>();
    requireNonNull(headers, "headers")
        .forEach(
            (k, v) ->
                lower
                    .computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new java.util.ArrayList<>())
                    .addAll(v));
    Map<String, List<String>> frozen = new TreeMap<>();
    lower.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(frozen);
    body = requireNonNull(body, "body").clone();
  }

  /**
   * The first value of a header.
   *
   * @param name header name, any case
   * @return empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Every value of a header.
   *
   * @param name header name, any case
   * @return never {@code null}
   */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /**
   * The body as UTF-8 text.
   *
   * @return never {@code null}
   */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Whether the status is 2xx.
   *
   * @return {@code true} on success
   */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The body is a copy; so the accessor hands one out too. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Status and URI only. */
  @Override
  public String toString() {
    return "HttpResult[" + status + " " + uri + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpResult that
        && status == that.status
        && uri.equals(that.uri)
        && headers.equals(that.headers)
        && java.util.Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(status, uri, headers, java.util.Arrays.hashCode(body));
  }
}
