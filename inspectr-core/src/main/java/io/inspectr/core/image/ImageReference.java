package io.inspectr.core.image;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container image reference, parsed and normalized like the CNCF distribution reference ({@code
 * github.com/distribution/reference}, {@code ParseNormalizedNamed}), which is what Kubernetes and
 * container runtimes use.
 *
 * <ul>
 *   <li>The first path component is the registry when it contains {@code .} or {@code :}, is {@code
 *       localhost}, or contains an uppercase letter; otherwise the registry is {@code docker.io}.
 *   <li>{@code index.docker.io} is written {@code docker.io}; a one-component Docker Hub path gets
 *       {@code library/} ({@code nginx} is {@code docker.io/library/nginx}).
 *   <li>No tag and no digest means the tag {@code latest}, as Kubernetes pulls it.
 *   <li>Tag and digest may both be given; the runtime pulls the digest, the tag is kept because it
 *       says which versions are upgrades.
 *   <li>The repository path is lowercase and at most 255 characters; a tag is at most 128.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} is the normalized form and the
 * inverse of {@link #parse}.
 *
 * @since 0.1
 */
public final class ImageReference {
  /** The registry of images without one. */
  public static final String DOCKER_HUB = "docker.io";

  /** Longest repository path accepted ({@code RepositoryNameTotalLengthMax}). */
  public static final int MAX_PATH_LENGTH = 255;

  /** Longest tag accepted. */
  public static final int MAX_TAG_LENGTH = 128;

  /** The tag Kubernetes pulls when a reference has neither tag nor digest. */
  public static final String DEFAULT_TAG = "latest";

  static final String LEGACY_DOCKER_HUB = "index.docker.io";
  static final String OFFICIAL_PREFIX = "library/";

  private final Repository repository;
  private final @Nullable String tag;
  private final @Nullable Digest digest;

  private ImageReference(Repository repository, @Nullable String tag, @Nullable Digest digest) {
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses a reference as Kubernetes would read the {@code image} field of a container.
   *
   * @param input the reference, e.g. {@code nginx:1.25}, {@code ghcr.io/org/app@sha256:...}; never
   *     {@code null}
   * @return the normalized reference
   * @throws InvalidImageReferenceException when {@code input} is not a valid reference; the
   *     exception names the input and the rule it breaks
   */
  public static ImageReference parse(String input) {
    requireNonNull(input, "input");
    if (input.isBlank()) {
      throw new InvalidImageReferenceException(input, ReferenceRule.EMPTY, "");
    }
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new InvalidImageReferenceException(input, ReferenceRule.WHITESPACE, "");
      }
    }
    if (input.length() == 64 && isLowerHex(input)) {
      throw new InvalidImageReferenceException(input, ReferenceRule.IMAGE_ID, "");
    }

    String rest = input;
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      String digestText = rest.substring(at + 1);
      if (at == 0 || digestText.isEmpty()) {
        throw new InvalidImageReferenceException(input, ReferenceRule.FORMAT, input);
      }
      digest = parseDigest(input, digestText);
      rest = rest.substring(0, at);
    }

    // Registry detection looks at the text before the first '/' (tag included, as the
    // distribution library does: "test.com:5000" alone is docker.io/library/test.com, tag 5000).
    String domain = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String first = rest.substring(0, slash);
      if (looksLikeDomain(first)) {
        domain = first;
        rest = rest.substring(slash + 1);
      }
    }
    if (domain.isEmpty()) {
      throw new InvalidImageReferenceException(input, ReferenceRule.FORMAT, input);
    }

    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (rest.isEmpty()) {
        throw new InvalidImageReferenceException(input, ReferenceRule.FORMAT, input);
      }
      if (rest.indexOf(':') >= 0) {
        throw new InvalidImageReferenceException(input, ReferenceRule.PATH_COMPONENT, rest);
      }
      ReferenceGrammar.checkTag(input, tag);
    }

    ReferenceGrammar.checkDomain(input, domain);
    ReferenceGrammar.checkPath(input, rest);
    Repository repository;
    try {
      repository = new Repository(domain, rest);
    } catch (InvalidImageReferenceException e) {
      throw new InvalidImageReferenceException(input, e.rule(), e.detail());
    }
    if (tag == null && digest == null) {
      tag = DEFAULT_TAG;
    }
    return new ImageReference(repository, tag, digest);
  }

  /**
   * Creates a reference from its parts.
   *
   * @param repository never {@code null}
   * @param tag the tag, or {@code null} when the reference has only a digest
   * @param digest the digest, or {@code null}
   * @return the reference
   * @throws IllegalArgumentException when both tag and digest are {@code null}
   * @throws InvalidImageReferenceException when the tag is not valid
   */
  public static ImageReference of(
      Repository repository, @Nullable String tag, @Nullable Digest digest) {
    requireNonNull(repository, "repository");
    if (tag == null && digest == null) {
      throw new IllegalArgumentException(
          "An image reference of " + repository + " needs a tag, a digest or both");
    }
    if (tag != null) {
      ReferenceGrammar.checkTag(repository + ":" + tag, tag);
    }
    return new ImageReference(repository, tag, digest);
  }

  /**
   * Whether {@link #parse} would accept {@code input}. Cheap enough for filters.
   *
   * @param input any string, may be {@code null}
   * @return {@code true} when {@code input} parses
   */
  public static boolean isValid(@Nullable String input) {
    if (input == null) {
      return false;
    }
    try {
      parse(input);
      return true;
    } catch (InvalidImageReferenceException e) {
      return false;
    }
  }

  private static Digest parseDigest(String input, String digestText) {
    try {
      return Digest.parse(digestText);
    } catch (InvalidImageReferenceException e) {
      throw new InvalidImageReferenceException(input, e.rule(), e.detail());
    }
  }

  private static boolean looksLikeDomain(String first) {
    return first.indexOf('.') >= 0
        || first.indexOf(':') >= 0
        || first.equals("localhost")
        || !first.equals(first.toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The repository: registry and path.
   *
   * @return never {@code null}
   */
  public Repository repository() {
    return repository;
  }

  /**
   * The registry, e.g. {@code docker.io} or {@code localhost:5000}.
   *
   * @return never {@code null}
   */
  public String domain() {
    return repository.domain();
  }

  /**
   * The repository path, e.g. {@code library/nginx}.
   *
   * @return never {@code null}
   */
  public String path() {
    return repository.path();
  }

  /**
   * The tag; empty only for a reference by digest alone.
   *
   * @return never {@code null}
   */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /**
   * The digest, when the reference pins one.
   *
   * @return never {@code null}
   */
  public Optional<Digest> digest() {
    return Optional.ofNullable(digest);
  }

  /**
   * This reference with another tag and without a digest, e.g. to name a candidate version.
   *
   * @param newTag the tag, never {@code null}
   * @return a new reference
   * @throws InvalidImageReferenceException when the tag is not valid
   */
  public ImageReference withTag(String newTag) {
    return of(repository, requireNonNull(newTag, "newTag"), null);
  }

  /**
   * The short form people write: no {@code docker.io/}, no {@code library/}, e.g. {@code
   * nginx:1.25}. Parsing it gives this reference back.
   *
   * @return never {@code null}
   */
  public String familiar() {
    if (!domain().equals(DOCKER_HUB)) {
      return repository + suffix();
    }
    String rest = path().substring(path().indexOf('/') + 1);
    if (path().startsWith(OFFICIAL_PREFIX) && rest.indexOf('/') < 0) {
      return rest + suffix();
    }
    // Keep docker.io when the first component would otherwise be read as a registry.
    String first = path().substring(0, path().indexOf('/'));
    return (looksLikeDomain(first) ? DOCKER_HUB + "/" : "") + path() + suffix();
  }

  /**
   * The normalized form, e.g. {@code docker.io/library/nginx:1.25}; the same as {@link
   * #toString()}.
   *
   * @return never {@code null}
   */
  public String normalized() {
    return repository + suffix();
  }

  private String suffix() {
    StringBuilder out = new StringBuilder();
    if (tag != null) {
      out.append(':').append(tag);
    }
    if (digest != null) {
      out.append('@').append(digest);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageReference that
        && repository.equals(that.repository)
        && Objects.equals(tag, that.tag)
        && Objects.equals(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(repository, tag, digest);
  }

  /** The normalized form; {@code parse(ref.toString()).equals(ref)} always holds. */
  @Override
  public String toString() {
    return normalized();
  }
}
