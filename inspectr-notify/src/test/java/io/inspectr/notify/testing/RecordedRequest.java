package io.inspectr.notify.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request a fake server received.
 *
 * @param method the method
 * @param path the decoded path
 * @param query the raw query, or {@code ""}
 * @param headers header names in lowercase to their values
 * @param body the body as UTF-8 text
 */
public record RecordedRequest(
    String method, String path, String query, Map<String, List<String>> headers, String body) {

  /**
   * The first value of a header.
   *
   * @param name any case
   * @return the value, or {@code null}
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
