package io.inspectr.notify.jira;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The original tool's {@code INSPECTR_JIRA_PARAMS}: {@code user|password|project|issueType|Field
 * Name:value,Other Field:value}, the last part optional. Parsed strictly: every problem is recorded
 * (with the whole value masked, since it holds the password), nothing is guessed.
 *
 * @param user the user
 * @param password the password
 * @param project the project key
 * @param issueType the issue type name
 * @param fields extra fields by UI name, in order
 */
record JiraParams(
    String user, Secret password, String project, String issueType, Map<String, String> fields) {

  static final String FORMAT = "user|password|project|issueType|Field Name:value,Field Name:value";

  JiraParams {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Reads the value of a key in the legacy format.
   *
   * @param read the reader, which records every problem
   * @param key the key, {@code params}
   * @return the parts, or empty when unset or broken
   */
  static Optional<JiraParams> read(ConfigReader read, String key) {
    Optional<String> value = read.optional(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = value.get().split("\\|", -1);
    if (parts.length < 4 || parts.length > 5) {
      read.problem(
          key,
          Secret.MASK,
          "it must have 4 or 5 parts separated by '|' ("
              + FORMAT
              + ", the last part optional) but has "
              + parts.length);
      return Optional.empty();
    }
    String[] names = {"user", "password", "project", "issue type"};
    boolean ok = true;
    for (int i = 0; i < 4; i++) {
      if (parts[i].isBlank()) {
        read.problem(key, Secret.MASK, "its part " + (i + 1) + " (" + names[i] + ") is empty");
        ok = false;
      }
    }
    Map<String, String> fields = Map.of();
    if (parts.length == 5) {
      if (parts[4].isBlank()) {
        read.problem(
            key,
            Secret.MASK,
            "its part 5 (fields) is empty; leave it out together with the '|' before it");
        ok = false;
      } else {
        fields = fields(read, key, parts[4]);
      }
    }
    if (!ok || fields == null) {
      return Optional.empty();
    }
    return Optional.of(
        new JiraParams(
            parts[0].strip(), Secret.of(parts[1]), parts[2].strip(), parts[3].strip(), fields));
  }

  /**
   * Reads {@code Field Name:value,Other Field:value}: split at commas, then at the first colon of
   * each entry; names and values are trimmed and must not be empty, no entry may be blank (as
   * between two commas, or after a last one), and no name may repeat.
   *
   * @param read the reader, which records problems
   * @param key the key the text came from
   * @param text the text
   * @return the fields in order, or {@code null} after a problem
   */
  static @Nullable Map<String, String> fields(ConfigReader read, String key, String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    boolean ok = true;
    String[] entries = text.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i];
      if (entry.isBlank()) {
        read.problem(
            key,
            Secret.MASK,
            "its field entry "
                + (i + 1)
                + " of "
                + entries.length
                + " is empty; remove the extra ','");
        ok = false;
        continue;
      }
      int colon = entry.indexOf(':');
      String name = colon < 0 ? entry.strip() : entry.substring(0, colon).strip();
      String fieldValue = colon < 0 ? "" : entry.substring(colon + 1).strip();
      if (name.isEmpty() || fieldValue.isEmpty()) {
        read.problem(
            key,
            Secret.MASK,
            "its field entry '"
                + entry.strip()
                + "' must be 'Field Name:value' with a name and a value");
        ok = false;
      } else if (fields.putIfAbsent(name, fieldValue) != null) {
        read.problem(key, Secret.MASK, "it names the field '" + name + "' twice");
        ok = false;
      }
    }
    return ok ? fields : null;
  }
}
