package io.inspectr.notify.jira.internal;

import java.util.Set;
import java.util.TreeSet;

/**
 * The upgrades and rebuilt digests an issue already mentions for one namespace, read from the
 * {@code Upgrades: a, b, c} and {@code Rebuilt: sha256:...} lines of its description and comments
 * (the original tool wrote the same {@code Upgrades:} lines). A line counts for a namespace when
 * the last {@code Namespace:} line before it names that namespace, or when none came before it. Not
 * thread-safe.
 */
final class Mentions {
  private final String namespace;
  private final Set<String> upgrades = new TreeSet<>();
  private final Set<String> digests = new TreeSet<>();

  Mentions(String namespace) {
    this.namespace = namespace;
  }

  /**
   * Reads one text (a description or one comment).
   *
   * @param text plain text
   * @return this
   */
  Mentions read(String text) {
    String current = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("Namespace:")) {
        current = value(line);
      } else if (current == null || current.equals(namespace)) {
        if (line.startsWith("Upgrades:")) {
          for (String tag : value(line).split("[\\s,\\[\\]]+")) {
            if (!tag.isEmpty()) {
              upgrades.add(tag);
            }
          }
        } else if (line.startsWith("Rebuilt:")) {
          digests.add(value(line));
        }
      }
    }
    return this;
  }

  private static String value(String line) {
    return line.substring(line.indexOf(':') + 1).strip();
  }

  boolean mentionsUpgrade(String tag) {
    return upgrades.contains(tag);
  }

  boolean mentionsDigest(String digest) {
    return digests.contains(digest);
  }
}
