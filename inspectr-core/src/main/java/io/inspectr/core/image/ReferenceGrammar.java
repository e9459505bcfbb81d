package io.inspectr.core.image;

/**
 * The character-level rules of the distribution reference grammar, checked by hand rather than by
 * regular expressions: references are parsed for every running container and every candidate, and a
 * hand-written scanner cannot backtrack into pathological inputs.
 *
 * <pre>
 * domain           := host [':' port-number]
 * host             := domain-name | IPv4address | '[' IPv6address ']'
 * domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
 * path-component   := /[a-z0-9]+(([._]|__|[-]+)[a-z0-9]+)*&#47;
 * tag              := /[\w][\w.-]{0,127}/
 * </pre>
 */
final class ReferenceGrammar {
  private ReferenceGrammar() {}

  static void checkDomain(String input, String domain) {
    if (!isValidDomain(domain)) {
      throw new InvalidImageReferenceException(input, ReferenceRule.DOMAIN, domain);
    }
  }

  static boolean isValidDomain(String domain) {
    if (domain.isEmpty()) {
      return false;
    }
    String host;
    int portStart;
    if (domain.charAt(0) == '[') {
      int close = domain.indexOf(']');
      if (close < 0 || !isIpv6(domain.substring(1, close))) {
        return false;
      }
      host = domain.substring(0, close + 1);
      portStart = close + 1;
    } else {
      int colon = domain.indexOf(':');
      portStart = colon < 0 ? domain.length() : colon;
      host = domain.substring(0, portStart);
      if (!isDomainName(host)) {
        return false;
      }
    }
    if (portStart == domain.length()) {
      return true;
    }
    if (domain.charAt(portStart) != ':' || portStart == domain.length() - 1) {
      return false;
    }
    return allDigits(domain, portStart + 1, domain.length()) && host.length() > 0;
  }

  private static boolean isDomainName(String host) {
    if (host.isEmpty()) {
      return false;
    }
    int start = 0;
    while (true) {
      int dot = host.indexOf('.', start);
      int end = dot < 0 ? host.length() : dot;
      if (!isDomainComponent(host, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  private static boolean isDomainComponent(String s, int start, int end) {
    if (start >= end) {
      return false;
    }
    if (!isAsciiAlnum(s.charAt(start)) || !isAsciiAlnum(s.charAt(end - 1))) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (!isAsciiAlnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String address) {
    if (address.isEmpty() || address.indexOf(':') < 0) {
      return false;
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return false;
      }
    }
    return true;
  }

  static void checkPath(String input, String path) {
    if (path.isEmpty()) {
      throw new InvalidImageReferenceException(input, ReferenceRule.FORMAT, input);
    }
    if (!path.equals(path.toLowerCase(java.util.Locale.ROOT))) {
      throw new InvalidImageReferenceException(input, ReferenceRule.PATH_LOWERCASE, path);
    }
    int start = 0;
    while (true) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      if (!isPathComponent(path, start, end)) {
        String component = path.substring(start, end);
        throw new InvalidImageReferenceException(
            input, ReferenceRule.PATH_COMPONENT, component.isEmpty() ? path : component);
      }
      if (slash < 0) {
        break;
      }
      start = slash + 1;
    }
    if (path.length() > ImageReference.MAX_PATH_LENGTH) {
      throw new InvalidImageReferenceException(input, ReferenceRule.NAME_LENGTH, "");
    }
  }

  /** {@code [a-z0-9]+(([._]|__|[-]+)[a-z0-9]+)*} over {@code s[start, end)}. */
  private static boolean isPathComponent(String s, int start, int end) {
    if (start >= end || !isLowerAlnum(s.charAt(start)) || !isLowerAlnum(s.charAt(end - 1))) {
      return false;
    }
    int i = start;
    while (i < end) {
      char c = s.charAt(i);
      if (isLowerAlnum(c)) {
        i++;
        continue;
      }
      // A separator run: '.', '_', '__' or one or more '-', then an alphanumeric.
      int runStart = i;
      if (c == '.') {
        i++;
      } else if (c == '_') {
        i++;
        if (i < end && s.charAt(i) == '_') {
          i++;
        }
      } else if (c == '-') {
        while (i < end && s.charAt(i) == '-') {
          i++;
        }
      } else {
        return false;
      }
      if (i == runStart || i >= end || !isLowerAlnum(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static void checkTag(String input, String tag) {
    if (tag.isEmpty()) {
      throw new InvalidImageReferenceException(input, ReferenceRule.FORMAT, input);
    }
    char first = tag.charAt(0);
    if (!(isAsciiAlnum(first) || first == '_')) {
      throw new InvalidImageReferenceException(input, ReferenceRule.TAG, tag);
    }
    for (int i = 1; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (!(isAsciiAlnum(c) || c == '_' || c == '.' || c == '-')) {
        throw new InvalidImageReferenceException(input, ReferenceRule.TAG, tag);
      }
    }
    if (tag.length() > ImageReference.MAX_TAG_LENGTH) {
      throw new InvalidImageReferenceException(input, ReferenceRule.TAG_LENGTH, tag);
    }
  }

  static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  static boolean allDigits(String s, int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
