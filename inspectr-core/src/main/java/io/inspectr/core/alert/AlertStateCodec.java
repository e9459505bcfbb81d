package io.inspectr.core.alert;

import io.inspectr.core.result.ResultKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compact, line-based text form of {@link AlertState}, shared by every state store so that a file
 * written by one version is read by the next and a ConfigMap stays small.
 *
 * <pre>
 * inspectr-alert-state 1
 * full 2026-11-26T10:00:00Z
 * cluster|namespace|Deployment|web|nginx|docker.io/library/nginx&lt;TAB&gt;slack=1.27.3&lt;TAB&gt;jira=1.27.3
 * </pre>
 *
 * <p>Each key appears once, with every notifier's fingerprint on the same line.
 *
 * @since 0.1
 */
public final class AlertStateCodec {
  /** The first line of every encoded state; the number is the format version. */
  public static final String HEADER = "inspectr-alert-state 1";

  private static final String FULL = "full ";

  private AlertStateCodec() {}

  /**
   * Encodes a state.
   *
   * @param state never {@code null}
   * @return the text, ending with a newline
   */
  public static String encode(AlertState state) {
    StringBuilder out = new StringBuilder(64 + state.delivered().size() * 120);
    out.append(HEADER).append('\n');
    if (state.lastFullReport() != null) {
      out.append(FULL).append(state.lastFullReport()).append('\n');
    }
    state
        .delivered()
        .forEach(
            (key, byNotifier) -> {
              out.append(key.asString());
              byNotifier.forEach(
                  (notifier, fingerprint) ->
                      out.append('\t').append(notifier).append('=').append(fingerprint));
              out.append('\n');
            });
    return out.toString();
  }

  /**
   * Decodes a state.
   *
   * @param text what {@link #encode} wrote; never {@code null}
   * @return the state
   * @throws IllegalArgumentException when the text is not an encoded state, naming the line
   */
  public static AlertState decode(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
      throw new IllegalArgumentException(
          "Not an inspectr alert state: the first line must be \"" + HEADER + "\"");
    }
    Instant full = null;
    Map<ResultKey, Map<String, String>> delivered = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      try {
        if (line.startsWith(FULL)) {
          full = Instant.parse(line.substring(FULL.length()).strip());
          continue;
        }
        String[] fields = line.split("\t", -1);
        Map<String, String> byNotifier = new TreeMap<>();
        for (int f = 1; f < fields.length; f++) {
          int eq = fields[f].indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("expected notifier=fingerprint: " + fields[f]);
          }
          byNotifier.put(fields[f].substring(0, eq), fields[f].substring(eq + 1));
        }
        delivered.put(ResultKey.parse(fields[0]), byNotifier);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException(
            "Alert state line " + (i + 1) + " is malformed: " + e.getMessage(), e);
      }
    }
    return new AlertState(full, delivered);
  }
}
