package io.inspectr.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate} values (RFC 9110 §11.6.1): several challenges per header and
 * several headers, quoted values with commas inside (a scope such as {@code
 * repository:a/b:pull,push}) and backslash escapes, any case of scheme and parameter names.
 */
public final class WwwAuthenticate {
  private WwwAuthenticate() {}

  /**
   * Every challenge in the header values, in order.
   *
   * @param headerValues the values of every {@code WWW-Authenticate} header
   * @return never {@code null}; unreadable parts are skipped
   */
  public static List<Challenge> parse(List<String> headerValues) {
    List<Challenge> all = new ArrayList<>();
    for (String v : headerValues) {
      all.addAll(parse(v));
    }
    return all;
  }

  /**
   * Every challenge in one header value.
   *
   * @param value the header value
   * @return never {@code null}
   */
  public static List<Challenge> parse(String value) {
    List<Challenge> challenges = new ArrayList<>();
    Cursor c = new Cursor(value);
    String scheme = null;
    Map<String, String> params = new LinkedHashMap<>();
    while (true) {
      c.skipSpaceAndCommas();
      if (c.atEnd()) {
        break;
      }
      String token = c.token();
      if (token.isEmpty()) {
        c.pos++; // not a token character: skip it
        continue;
      }
      c.skipSpace();
      if (scheme != null && c.peek() == '=') {
        c.pos++;
        c.skipSpace();
        String v = c.peek() == '"' ? c.quoted() : c.unquoted();
        params.put(token.toLowerCase(Locale.ROOT), v);
        continue;
      }
      if (scheme != null) {
        challenges.add(new Challenge(scheme, params));
      }
      scheme = token;
      params = new LinkedHashMap<>();
    }
    if (scheme != null) {
      challenges.add(new Challenge(scheme, params));
    }
    return challenges;
  }

  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    char peek() {
      return atEnd() ? '\0' : s.charAt(pos);
    }

    void skipSpace() {
      while (!atEnd() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }

    void skipSpaceAndCommas() {
      while (!atEnd() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == ',')) {
        pos++;
      }
    }

    String token() {
      int start = pos;
      while (!atEnd() && isTokenChar(s.charAt(pos))) {
        pos++;
      }
      return s.substring(start, pos);
    }

    /** An unquoted value: up to a comma or space (lenient: realms often go unquoted). */
    String unquoted() {
      int start = pos;
      while (!atEnd() && s.charAt(pos) != ',' && s.charAt(pos) != ' ' && s.charAt(pos) != '\t') {
        pos++;
      }
      return s.substring(start, pos);
    }

    String quoted() {
      StringBuilder out = new StringBuilder();
      pos++; // opening quote
      while (!atEnd()) {
        char ch = s.charAt(pos++);
        if (ch == '\\' && !atEnd()) {
          out.append(s.charAt(pos++));
        } else if (ch == '"') {
          break;
        } else {
          out.append(ch);
        }
      }
      return out.toString();
    }

    private static boolean isTokenChar(char ch) {
      return ch > 32 && ch < 127 && "()<>@,;:\\\"/[]?={} \t".indexOf(ch) < 0;
    }
  }
}
