package io.inspectr.notify.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The JQL that the fake JIRA understands: clauses joined by {@code AND}, each {@code field =
 * "value"}, {@code field in ("a", "b")} or {@code field ~ "lucene"}, then an optional {@code ORDER
 * BY field [ASC|DESC]}. Values must be double-quoted string literals with {@code \"} and {@code \\}
 * escaped; anything else is a syntax error, as an unescaped quote would be in JIRA. A text search
 * is a Lucene query: a quoted phrase must appear as consecutive words (JIRA's stemming aside),
 * otherwise every word must appear.
 */
final class FakeJql {
  /** A clause or query JIRA would reject. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message);
    }
  }

  /** What a clause looks at: a field's value of one issue. */
  interface Issue {
    String project();

    String summary();

    List<String> labels();
  }

  private final String text;
  private int pos;

  private FakeJql(String text) {
    this.text = text;
  }

  /**
   * Parses a query.
   *
   * @param jql the query
   * @return a predicate over issues
   * @throws SyntaxError when JIRA would reject it
   */
  static Predicate<Issue> parse(String jql) {
    return new FakeJql(jql).query();
  }

  private Predicate<Issue> query() {
    Predicate<Issue> all = clause();
    while (true) {
      skipSpace();
      if (word("AND")) {
        all = all.and(clause());
      } else if (word("ORDER")) {
        expectWord("BY");
        identifier();
        skipSpace();
        if (!word("ASC")) {
          word("DESC");
        }
        skipSpace();
        if (pos != text.length()) {
          throw new SyntaxError("Unexpected text after ORDER BY at " + pos + ": " + text);
        }
        return all;
      } else if (pos == text.length()) {
        return all;
      } else {
        throw new SyntaxError("Expected AND or ORDER BY at " + pos + ": " + text);
      }
    }
  }

  private Predicate<Issue> clause() {
    String field = identifier().toLowerCase(Locale.ROOT);
    skipSpace();
    if (text.startsWith("=", pos)) {
      pos++;
      String value = string();
      return issue ->
          values(field, issue).stream().anyMatch(v -> v.equalsIgnoreCase(value) || v.equals(value));
    }
    if (text.startsWith("~", pos)) {
      pos++;
      String lucene = string();
      return issue -> textMatches(String.join(" ", values(field, issue)), lucene);
    }
    if (word("in")) {
      skipSpace();
      expect('(');
      List<String> list = new ArrayList<>();
      do {
        list.add(string());
        skipSpace();
      } while (consume(','));
      expect(')');
      return issue -> values(field, issue).stream().anyMatch(list::contains);
    }
    throw new SyntaxError("Expected =, ~ or in after " + field + " at " + pos + ": " + text);
  }

  private static List<String> values(String field, Issue issue) {
    switch (field) {
      case "project":
        return List.of(issue.project());
      case "summary":
        return List.of(issue.summary());
      case "labels":
        return issue.labels();
      default:
        throw new SyntaxError("Field '" + field + "' does not exist or you do not have permission");
    }
  }

  static boolean textMatches(String value, String lucene) {
    String q = lucene.strip();
    List<String> have = words(value);
    if (q.length() >= 2 && q.startsWith("\"") && q.endsWith("\"")) {
      String phrase = unescapeLucene(q.substring(1, q.length() - 1));
      List<String> want = words(phrase);
      for (int i = 0; i + want.size() <= have.size(); i++) {
        if (have.subList(i, i + want.size()).equals(want)) {
          return true;
        }
      }
      return want.isEmpty();
    }
    return have.containsAll(words(unescapeLucene(q)));
  }

  private static String unescapeLucene(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(text.charAt(++i));
      } else if (c == '"') {
        throw new SyntaxError("Unescaped quote inside a text search phrase: " + text);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  private String string() {
    skipSpace();
    expect('"');
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        char next = text.charAt(pos++);
        if (next != '"' && next != '\\' && next != '\'') {
          throw new SyntaxError("Illegal escape sequence \\" + next + " in " + text);
        }
        out.append(next);
      } else if (c == '"') {
        return out.toString();
      } else {
        out.append(c);
      }
    }
    throw new SyntaxError("Unterminated string in " + text);
  }

  private String identifier() {
    skipSpace();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new SyntaxError("Expected a field name at " + pos + ": " + text);
    }
    return text.substring(start, pos);
  }

  private boolean word(String w) {
    skipSpace();
    if (text.regionMatches(true, pos, w, 0, w.length())
        && (pos + w.length() == text.length()
            || !Character.isLetter(text.charAt(pos + w.length())))) {
      pos += w.length();
      return true;
    }
    return false;
  }

  private void expectWord(String w) {
    if (!word(w)) {
      throw new SyntaxError("Expected " + w + " at " + pos + ": " + text);
    }
  }

  private boolean consume(char c) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw new SyntaxError("Expected '" + c + "' at " + pos + ": " + text);
    }
  }

  private void skipSpace() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }
}
