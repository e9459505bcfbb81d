package io.inspectr.notify.internal;

import io.inspectr.core.config.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scrubs a notifier's secrets out of text that came from elsewhere: an exception message of the
 * HTTP stack, an error body a receiver echoed. Inspectr's own messages never hold secrets in the
 * first place; this is the second line. Immutable and thread-safe.
 */
public final class Redactor {
  /** Secrets shorter than this are not searched for: they would mask ordinary words. */
  static final int MIN_LENGTH = 4;

  private final List<String> needles;

  private Redactor(List<String> needles) {
    this.needles = List.copyOf(needles);
  }

  /**
   * A redactor for these secrets, also in their URL-encoded form and, for a URL, its path and query
   * on their own.
   *
   * @param secrets the secrets
   * @return never {@code null}
   */
  public static Redactor of(Collection<Secret> secrets) {
    Set<String> needles = new LinkedHashSet<>();
    for (Secret secret : secrets) {
      String value = secret.reveal();
      addForms(needles, value);
      int scheme = value.indexOf("://");
      if (scheme > 0) {
        int path = value.indexOf('/', scheme + 3);
        if (path > 0) {
          addForms(needles, value.substring(path));
        }
      }
    }
    List<String> sorted = new ArrayList<>(needles);
    // Longest first, so that a secret containing another is masked whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(sorted);
  }

  /**
   * A redactor for some secrets.
   *
   * @param secrets the secrets
   * @return never {@code null}
   */
  public static Redactor of(Secret... secrets) {
    return of(List.of(secrets));
  }

  private static void addForms(Set<String> needles, String value) {
    if (value.length() >= MIN_LENGTH) {
      String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
      String path = form.replace("%2F", "/");
      needles.add(value);
      needles.add(form);
      needles.add(path);
      needles.add(path.replace("+", "%20"));
    }
  }

  /**
   * The text with every secret replaced by {@link Secret#MASK}.
   *
   * @param text any text, or {@code null}
   * @return never {@code null}; empty for {@code null}
   */
  public String scrub(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String needle : needles) {
      if (out.contains(needle)) {
        out = out.replace(needle, Secret.MASK);
      }
    }
    return out;
  }

  /**
   * Describes an exception for a message: its kind and its (scrubbed) message, and those of its
   * causes.
   *
   * @param error never {@code null}
   * @return e.g. {@code ConnectException: Connection refused}
   */
  public String describe(Throwable error) {
    List<String> parts = new ArrayList<>();
    Throwable t = error;
    for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
      String part =
          t.getClass().getSimpleName()
              + (t.getMessage() == null ? "" : ": " + scrub(t.getMessage()));
      if (!parts.contains(part)) {
        parts.add(part);
      }
    }
    return String.join(", caused by ", parts);
  }
}
