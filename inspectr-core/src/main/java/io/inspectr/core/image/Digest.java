package io.inspectr.core.image;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A content digest such as {@code sha256:0123...}: the identity of a manifest or an image index.
 *
 * <p>Only the algorithms registries use are accepted (sha256, sha384, sha512), each with its exact
 * number of lowercase hex digits, as {@code go-digest} requires.
 *
 * @param algorithm {@code sha256}, {@code sha384} or {@code sha512}
 * @param hex the lowercase hex encoding, of the algorithm's length
 * @since 0.1
 */
public record Digest(String algorithm, String hex) {

  /**
   * Validates the digest.
   *
   * @throws InvalidImageReferenceException when the algorithm or encoding is not valid
   */
  public Digest {
    requireNonNull(algorithm, "algorithm");
    requireNonNull(hex, "hex");
    String text = algorithm + ":" + hex;
    int length = hexLength(algorithm);
    if (length < 0) {
      throw new InvalidImageReferenceException(text, ReferenceRule.DIGEST_ALGORITHM, algorithm);
    }
    if (hex.length() != length || !isLowerHex(hex)) {
      throw new InvalidImageReferenceException(text, ReferenceRule.DIGEST_ENCODING, hex);
    }
  }

  /**
   * Parses {@code algorithm:hex}.
   *
   * @param text the digest, never {@code null}
   * @return the digest
   * @throws InvalidImageReferenceException when {@code text} is not a valid digest
   */
  public static Digest parse(String text) {
    requireNonNull(text, "text");
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new InvalidImageReferenceException(text, ReferenceRule.DIGEST, text);
    }
    String algorithm = text.substring(0, colon);
    for (int i = 0; i < algorithm.length(); i++) {
      char c = algorithm.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '_' || c == '-')) {
        throw new InvalidImageReferenceException(text, ReferenceRule.DIGEST, algorithm);
      }
    }
    return new Digest(algorithm, text.substring(colon + 1));
  }

  /**
   * Reads the running digest out of a Kubernetes container status {@code imageID}.
   *
   * <p>The field looks like {@code docker.io/library/nginx@sha256:...} (containerd, CRI-O) or
   * {@code docker-pullable://nginx@sha256:...} (dockershim). A bare {@code sha256:...} without a
   * repository is the local config digest of an image that was loaded, not pulled; it says nothing
   * about the registry, so it yields "unknown", never "changed".
   *
   * @param imageId the {@code imageID} of a container status; may be {@code null} or empty
   * @return the repository digest, or empty when unknown or malformed
   */
  public static Optional<Digest> fromImageId(String imageId) {
    if (imageId == null) {
      return Optional.empty();
    }
    String id = imageId.strip();
    for (String prefix : new String[] {"docker-pullable://", "docker://"}) {
      if (id.startsWith(prefix)) {
        id = id.substring(prefix.length());
      }
    }
    int at = id.lastIndexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(id.substring(at + 1)));
    } catch (InvalidImageReferenceException e) {
      return Optional.empty();
    }
  }

  /** Returns {@code algorithm:hex}, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  private static int hexLength(String algorithm) {
    switch (algorithm) {
      case "sha256":
        return 64;
      case "sha384":
        return 96;
      case "sha512":
        return 128;
      default:
        return -1;
    }
  }

  private static boolean isLowerHex(String hex) {
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
