package io.inspectr.core.image;

/**
 * A rule of the image reference grammar that an input can break. Each rule knows what it requires
 * and how to fix an input that breaks it, so an error message can say both.
 *
 * <p>The grammar is the one of the CNCF distribution project ({@code reference.go} and {@code
 * normalize.go} of {@code github.com/distribution/reference}); the rule names follow its error
 * messages.
 *
 * @since 0.1
 */
public enum ReferenceRule {
  /** The input is empty or only white space. */
  EMPTY("the reference is empty", "give an image such as nginx:1.25 or ghcr.io/org/app:2.0.1"),
  /** White space or control characters inside the reference. */
  WHITESPACE(
      "a reference contains no white space or control characters",
      "remove the spaces, tabs or line breaks"),
  /** A bare 64-character hexadecimal string, which is an image ID and not a name. */
  IMAGE_ID(
      "a 64-character hexadecimal string is an image ID, not a reference",
      "give the repository as well, e.g. name@sha256:<hex>"),
  /** The overall shape is wrong, e.g. an empty name, tag or digest after its separator. */
  FORMAT(
      "a reference is [domain/]path[:tag][@digest] with no empty part",
      "remove the stray ':' or '@' or fill in the missing part"),
  /** The registry host or port is malformed. */
  DOMAIN(
      "the registry is a host name, an IPv4 address or a bracketed IPv6 address, with an"
          + " optional numeric port",
      "write the registry as registry.example.com, 10.0.0.1:5000 or [::1]:5000"),
  /** The repository path contains uppercase letters. */
  PATH_LOWERCASE("the repository path must be lowercase", "write the repository path in lowercase"),
  /** A repository path component is malformed. */
  PATH_COMPONENT(
      "each path component is lowercase letters and digits, joined by '.', '_', '__' or"
          + " one or more '-'",
      "remove doubled or leading/trailing separators and other characters from the path"),
  /** The repository path is longer than 255 characters. */
  NAME_LENGTH(
      "the repository path is at most " + ImageReference.MAX_PATH_LENGTH + " characters",
      "shorten the repository path"),
  /** The tag is malformed. */
  TAG(
      "a tag starts with a letter, digit or '_' and contains only letters, digits, '_', '.'"
          + " and '-'",
      "remove the other characters from the tag"),
  /** The tag is longer than 128 characters. */
  TAG_LENGTH(
      "a tag is at most " + ImageReference.MAX_TAG_LENGTH + " characters", "shorten the tag"),
  /** The digest is not {@code algorithm:hex}. */
  DIGEST("a digest is algorithm:hex, e.g. sha256:<64 hex digits>", "copy the digest whole"),
  /** The digest algorithm is not one the registries use. */
  DIGEST_ALGORITHM(
      "the digest algorithm is sha256, sha384 or sha512", "use the sha256 digest of the image"),
  /** The digest has the wrong length or characters for its algorithm. */
  DIGEST_ENCODING(
      "a digest's hex part is lowercase and as long as its algorithm requires (64 for sha256)",
      "copy the digest whole, in lowercase");

  private final String requirement;
  private final String fix;

  ReferenceRule(String requirement, String fix) {
    this.requirement = requirement;
    this.fix = fix;
  }

  /**
   * What the rule requires, as a sentence fragment.
   *
   * @return never {@code null}
   */
  public String requirement() {
    return requirement;
  }

  /**
   * How to fix an input that breaks the rule, as an imperative fragment.
   *
   * @return never {@code null}
   */
  public String fix() {
    return fix;
  }
}
