package io.inspectr.registry.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the {@code rel="next"} target of {@code Link} headers (RFC 8288), e.g. {@code
 * </v2/a/tags/list?last=x&n=100>; rel="next"}, resolved against the URI of the request that
 * returned it. Relative and absolute targets and opaque cursors are taken as they are.
 */
public final class LinkHeader {
  private LinkHeader() {}

  /**
   * The next page.
   *
   * @param headerValues every {@code Link} header value
   * @param requestUri the URI that returned them
   * @return empty when there is no next page
   */
  public static Optional<URI> next(List<String> headerValues, URI requestUri) {
    for (String value : headerValues) {
      int i = 0;
      while (true) {
        int open = value.indexOf('<', i);
        if (open < 0) {
          break;
        }
        int close = value.indexOf('>', open);
        if (close < 0) {
          break;
        }
        String target = value.substring(open + 1, close).strip();
        int nextLink = value.indexOf('<', close);
        String params =
            nextLink < 0 ? value.substring(close + 1) : value.substring(close + 1, nextLink);
        if (isNext(params)) {
          try {
            return Optional.of(requestUri.resolve(URI.create(target)));
          } catch (IllegalArgumentException e) {
            return Optional.empty();
          }
        }
        i = close + 1;
      }
    }
    return Optional.empty();
  }

  private static boolean isNext(String params) {
    for (String p : params.split(";")) {
      String[] kv = p.strip().split("=", 2);
      if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("rel")) {
        String rel = kv[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
        for (String r : rel.split("\\s+")) {
          if (r.equals("next")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
