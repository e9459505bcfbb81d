package io.inspectr.core.image;

import static java.util.Objects.requireNonNull;

/**
 * A repository in a registry: the unit a registry lists tags for, e.g. {@code docker.io} + {@code
 * library/nginx}. Many running containers share one repository; inspectr looks each repository up
 * once per refresh.
 *
 * @param domain the registry as written in references, e.g. {@code docker.io}, {@code
 *     localhost:5000}
 * @param path the repository path, e.g. {@code library/nginx}
 * @since 0.1
 */
public record Repository(String domain, String path) {

  /**
   * Validates both parts with the reference grammar and normalizes Docker Hub names: {@code
   * index.docker.io} becomes {@code docker.io}, and a one-component Docker Hub path gets {@code
   * library/}.
   *
   * @throws InvalidImageReferenceException when a part is not valid
   */
  public Repository {
    requireNonNull(domain, "domain");
    requireNonNull(path, "path");
    String whole = domain + "/" + path;
    ReferenceGrammar.checkDomain(whole, domain);
    ReferenceGrammar.checkPath(whole, path);
    if (domain.equals(ImageReference.LEGACY_DOCKER_HUB)) {
      domain = ImageReference.DOCKER_HUB;
    }
    if (domain.equals(ImageReference.DOCKER_HUB) && path.indexOf('/') < 0) {
      path = ImageReference.OFFICIAL_PREFIX + path;
      if (path.length() > ImageReference.MAX_PATH_LENGTH) {
        throw new InvalidImageReferenceException(whole, ReferenceRule.NAME_LENGTH, "");
      }
    }
  }

  /**
   * Whether this repository is on Docker Hub.
   *
   * @return {@code true} for {@code docker.io}
   */
  public boolean isDockerHub() {
    return domain.equals(ImageReference.DOCKER_HUB);
  }

  /**
   * Parses a repository name without tag or digest, with the same defaults as {@link
   * ImageReference#parse} ({@code nginx} is {@code docker.io/library/nginx}).
   *
   * @param name the repository name, never {@code null}
   * @return the repository
   * @throws InvalidImageReferenceException when {@code name} is not a repository name
   */
  public static Repository parse(String name) {
    ImageReference reference = ImageReference.parse(name);
    if (reference.digest().isPresent() || name.indexOf(':', name.lastIndexOf('/') + 1) >= 0) {
      throw new InvalidImageReferenceException(name, ReferenceRule.FORMAT, name);
    }
    return reference.repository();
  }

  /** Returns {@code domain/path}, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return domain + "/" + path;
  }
}
