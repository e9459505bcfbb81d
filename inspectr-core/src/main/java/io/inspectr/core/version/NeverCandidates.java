package io.inspectr.core.version;

/**
 * Tags that are never upgrade candidates, whatever the scheme: {@code latest}, tags that look like
 * commit hashes, and the signature, attestation and SBOM tags that signing tools push next to
 * images ({@code sha256-<hex>.sig}, {@code .att}, {@code .sbom}, and the bare {@code sha256-<hex>}
 * referrers fallback).
 *
 * @since 0.1
 */
public final class NeverCandidates {
  private NeverCandidates() {}

  /**
   * Whether {@code tag} is never an upgrade candidate.
   *
   * @param tag never {@code null}
   * @return {@code true} for junk tags
   */
  public static boolean matches(String tag) {
    return tag.equalsIgnoreCase("latest")
        || looksLikeCommitHash(tag)
        || isArtifactTag(tag)
        || tag.endsWith(".sig")
        || tag.endsWith(".att")
        || tag.endsWith(".sbom");
  }

  /**
   * Whether {@code tag} looks like a git commit hash: 7 to 40 lowercase hex characters, not all
   * digits ({@code 1234567} is a plausible version; {@code 5e2f0a1} is not).
   *
   * @param tag never {@code null}
   * @return {@code true} when hash-like
   */
  public static boolean looksLikeCommitHash(String tag) {
    int length = tag.length();
    if (length < 7 || length > 40) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < length; i++) {
      char c = tag.charAt(i);
      if (c >= 'a' && c <= 'f') {
        letter = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return letter;
  }

  /** {@code sha256-<hex>} or {@code sha512-<hex>}, with or without a {@code .kind} ending. */
  private static boolean isArtifactTag(String tag) {
    if (!(tag.startsWith("sha256-") || tag.startsWith("sha512-"))) {
      return false;
    }
    int end = tag.indexOf('.', 7);
    if (end < 0) {
      end = tag.length();
    }
    if (end - 7 < 32) {
      return false;
    }
    for (int i = 7; i < end; i++) {
      char c = tag.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
