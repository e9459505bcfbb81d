package io.inspectr.notify.jira.internal;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * JQL built safely: values are always quoted string literals with {@code \} and {@code "} escaped,
 * and text-search phrases also escape Lucene's special characters (whose backslash is then escaped
 * again inside the JQL string), as Atlassian's search syntax asks.
 */
public final class Jql {
  private static final String LUCENE_SPECIALS = "+-&|!(){}[]^~*?\\:\"/";

  private Jql() {}

  /**
   * A JQL string literal.
   *
   * @param value any text
   * @return e.g. {@code "a \"b\""}
   */
  public static String string(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * A list of string literals for {@code in}.
   *
   * @param values the values
   * @return e.g. {@code ("a", "b")}
   */
  public static String list(Collection<String> values) {
    return values.stream().map(Jql::string).collect(Collectors.joining(", ", "(", ")"));
  }

  /**
   * An exact-phrase text search value for {@code ~}: the words as one Lucene phrase.
   *
   * @param words the phrase
   * @return a JQL string literal holding a quoted, escaped Lucene phrase
   */
  public static String phrase(String words) {
    StringBuilder lucene = new StringBuilder("\"");
    for (int i = 0; i < words.length(); i++) {
      char c = words.charAt(i);
      if (LUCENE_SPECIALS.indexOf(c) >= 0) {
        lucene.append('\\');
      }
      lucene.append(c);
    }
    return string(lucene.append('"').toString());
  }
}
