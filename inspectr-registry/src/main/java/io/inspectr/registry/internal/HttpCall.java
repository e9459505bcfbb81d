package io.inspectr.registry.internal;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request without a body (the registry module only reads).
 *
 * @param method {@code GET} or {@code HEAD}
 * @param uri absolute URI
 * @param headers request headers; may hold an {@code Authorization} value, so never printed
 */
public record HttpCall(String method, URI uri, Map<String, String> headers) {
  /** The header that carries credentials and tokens. */
  public static final String AUTHORIZATION = "Authorization";

  /** Copies the headers. */
  public HttpCall {
    requireNonNull(method, "method");
    requireNonNull(uri, "uri");
    headers = Map.copyOf(requireNonNull(headers, "headers"));
  }

  /**
   * A GET without headers.
   *
   * @param uri absolute URI
   * @return the call
   */
  public static HttpCall get(URI uri) {
    return new HttpCall("GET", uri, Map.of());
  }

  /**
   * The same call with one header set, or removed when {@code value} is {@code null}.
   *
   * @param name header name
   * @param value header value, or {@code null} to remove it
   * @return a new call
   */
  public HttpCall withHeader(String name, @org.jspecify.annotations.Nullable String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.remove(name);
    if (value != null) {
      copy.put(name, value);
    }
    return new HttpCall(method, uri, copy);
  }

  /**
   * The same call to another URI.
   *
   * @param target absolute URI
   * @param newMethod the method
   * @return a new call
   */
  public HttpCall redirectedTo(URI target, String newMethod) {
    return new HttpCall(newMethod, target, headers);
  }

  /**
   * {@code host[:port]} of the URI, lowercase.
   *
   * @return never {@code null}
   */
  public String authority() {
    return Hosts.authority(uri);
  }

  /** Method and URI only: headers may carry credentials. */
  @Override
  public String toString() {
    return method + " " + uri;
  }
}
