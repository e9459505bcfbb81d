package io.inspectr.core.version;

/** Orderings of pre-release labels. */
final class PreReleases {
  private PreReleases() {}

  /**
   * Letter runs compare alphabetically and digit runs numerically, so {@code rc9 < rc10} and {@code
   * alpha < beta}. Total on distinct inputs up to leading zeros, which compare equal.
   */
  static int compareNatural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int c = compareDigitRuns(a, i, endA, b, j, endB);
        if (c != 0) {
          return c;
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * Semantic versioning 2.0.0 precedence of two non-empty pre-release labels: identifiers split on
   * dots; numeric identifiers compare numerically and sort before alphanumeric ones; a longer list
   * wins when all shared identifiers are equal.
   */
  static int compareSemver(String a, String b) {
    String[] left = a.split("\\.", -1);
    String[] right = b.split("\\.", -1);
    int common = Math.min(left.length, right.length);
    for (int k = 0; k < common; k++) {
      String x = left[k];
      String y = right[k];
      boolean xNumeric = allDigits(x);
      boolean yNumeric = allDigits(y);
      int c;
      if (xNumeric && yNumeric) {
        c = compareDigitRuns(x, 0, x.length(), y, 0, y.length());
      } else if (xNumeric != yNumeric) {
        c = xNumeric ? -1 : 1;
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static int compareDigitRuns(String a, int i, int endA, String b, int j, int endB) {
    while (i < endA - 1 && a.charAt(i) == '0') {
      i++;
    }
    while (j < endB - 1 && b.charAt(j) == '0') {
      j++;
    }
    int lengths = Integer.compare(endA - i, endB - j);
    if (lengths != 0) {
      return lengths;
    }
    for (; i < endA; i++, j++) {
      int c = Character.compare(a.charAt(i), b.charAt(j));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int digitsEnd(String s, int from) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  private static boolean allDigits(String s) {
    return !s.isEmpty() && digitsEnd(s, 0) == s.length();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
