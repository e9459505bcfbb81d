package io.inspectr.core.version;

import java.util.Optional;

/**
 * The default scheme, the one docker tags follow in practice.
 *
 * <ul>
 *   <li>A version is {@code [v]N(.N)*}, optionally followed by a pre-release attached to the last
 *       number ({@code 3.7.0b1}, {@code 2.0.0rc1}) and optionally by {@code -suffix}.
 *   <li>Any number of numeric parts is allowed, four-part versions included.
 *   <li>The suffix, everything after the first {@code -}, is a compatibility channel: {@code
 *       1.25.3-alpine} is channel {@code alpine}.
 *   <li>One lowercase leading {@code v} is not part of the version ({@code v2.48.1} is {@code
 *       2.48.1}).
 *   <li>Tags that look like commit hashes (7 to 40 lowercase hex characters, not all digits) are
 *       not versions, though {@code 5e2f0a1} would otherwise read as 5 with a pre-release.
 * </ul>
 *
 * <p>Parsing is a single pass over the characters, without regular expressions: it runs for every
 * tag of every repository.
 *
 * @since 0.1
 */
public final class DockerVersionScheme implements VersionScheme {
  /** The scheme's id. */
  public static final String ID = "docker";

  static final DockerVersionScheme INSTANCE = new DockerVersionScheme();

  /**
   * More digits than this would overflow a {@code long}; such parts are build ids, not versions.
   */
  private static final int MAX_DIGITS = 18;

  private DockerVersionScheme() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Version> parse(String tag) {
    return Optional.ofNullable(parseOrNull(tag));
  }

  /** {@link #parse} without the {@code Optional}, for the hot loop of {@link UpgradeFinder}. */
  Version parseOrNull(String tag) {
    int length = tag.length();
    int i = 0;
    String prefix = "";
    if (length > 1 && tag.charAt(0) == 'v' && isDigit(tag.charAt(1))) {
      prefix = "v";
      i = 1;
    }
    if (i >= length || !isDigit(tag.charAt(i))) {
      return null;
    }
    if (NeverCandidates.looksLikeCommitHash(tag)) {
      return null;
    }
    int dash = tag.indexOf('-', i);
    int headEnd = dash < 0 ? length : dash;
    if (dash == length - 1) {
      return null; // "1.2.3-": an empty channel is a typo, not a channel
    }

    int parts = 1;
    for (int k = i; k < headEnd; k++) {
      if (tag.charAt(k) == '.') {
        parts++;
      }
    }
    long[] numbers = new long[parts];
    int part = 0;
    int k = i;
    int preStart = -1;
    while (k < headEnd) {
      int digitsStart = k;
      long value = 0;
      while (k < headEnd && isDigit(tag.charAt(k))) {
        value = value * 10 + (tag.charAt(k) - '0');
        k++;
      }
      int digits = k - digitsStart;
      if (digits == 0 || digits > MAX_DIGITS) {
        return null;
      }
      numbers[part++] = value;
      if (k == headEnd) {
        break;
      }
      char c = tag.charAt(k);
      if (c == '.') {
        k++;
        if (k == headEnd) {
          return null;
        }
        continue;
      }
      // Letters attached to the last number: a pre-release such as b1 or rc2.
      if (!isWordStart(c)) {
        return null;
      }
      preStart = k;
      for (; k < headEnd; k++) {
        if (!isWordChar(tag.charAt(k))) {
          return null;
        }
      }
    }
    if (part != parts) {
      return null; // a '.' inside the pre-release, e.g. 1.0rc.1
    }
    String preRelease = preStart < 0 ? "" : tag.substring(preStart, headEnd);
    String compatibility = dash < 0 ? "" : tag.substring(dash + 1);
    return new Version(
        tag, prefix, numbers, preRelease, compatibility, Version.PreReleaseOrder.NATURAL);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordChar(char c) {
    return isWordStart(c) || isDigit(c);
  }

  @Override
  public String toString() {
    return ID;
  }
}
