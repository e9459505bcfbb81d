package io.inspectr.registry;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Repository;
import java.util.Optional;

/**
 * Looks repositories under one name up under another, e.g. a pull-through mirror's {@code
 * mirror.example.com/dockerhub} under its upstream {@code docker.io}: {@code
 * mirror.example.com/dockerhub/library/nginx} is listed as {@code docker.io/library/nginx}.
 *
 * @param from a registry, optionally with a path prefix, e.g. {@code mirror.example.com/dockerhub}
 * @param to what replaces it, e.g. {@code docker.io}
 * @since 0.1
 */
public record LookupOverride(String from, String to) {
  /** Checks the parts and drops trailing slashes. */
  public LookupOverride {
    from = strip(requireNonNull(from, "from"));
    to = strip(requireNonNull(to, "to"));
    if (from.isEmpty() || to.isEmpty()) {
      throw new IllegalArgumentException("A lookup override needs both sides: from=to");
    }
  }

  /**
   * Parses {@code from=to}.
   *
   * @param text e.g. {@code mirror.example.com/dockerhub=docker.io}
   * @return the override
   * @throws IllegalArgumentException when it is not {@code from=to}
   */
  public static LookupOverride parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("\"" + text + "\" is not from=to");
    }
    return new LookupOverride(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
  }

  /**
   * The repository to look up instead.
   *
   * @param repository the repository as running
   * @return empty when this override does not apply
   * @throws io.inspectr.core.image.InvalidImageReferenceException when the result is not a valid
   *     repository
   */
  public Optional<Repository> apply(Repository repository) {
    String name = repository.toString();
    if (!name.startsWith(from + "/")) {
      return Optional.empty();
    }
    return Optional.of(Repository.parse(to + name.substring(from.length())));
  }

  private static String strip(String s) {
    String t = s.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
