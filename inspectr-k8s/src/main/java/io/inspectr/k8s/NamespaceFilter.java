package io.inspectr.k8s;

import static java.util.Objects.requireNonNull;

import io.inspectr.k8s.internal.Glob;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which namespaces are watched: those matching an include glob (every namespace when there is none)
 * and no exclude glob. Exclusion wins. The default excludes {@code kube-system}, as the original
 * tool did.
 *
 * <p>Globs use {@code *} for any run of characters and {@code ?} for one, and match whole names:
 * {@code team-*} matches {@code team-a}, not {@code my-team-a}.
 *
 * @param include globs of namespaces to watch; empty for all
 * @param exclude globs of namespaces never to watch
 * @since 0.1
 */
public record NamespaceFilter(List<String> include, List<String> exclude) {

  /** What is excluded unless configured otherwise. */
  public static final List<String> DEFAULT_EXCLUDE = List.of("kube-system");

  private static final Pattern GLOB_SYNTAX = Pattern.compile("[a-z0-9*?]([-a-z0-9*?]*[a-z0-9*?])?");

  /**
   * Checks and copies the globs.
   *
   * @throws IllegalArgumentException when a glob cannot match a namespace name, naming it
   */
  public NamespaceFilter {
    include = List.copyOf(requireNonNull(include, "include"));
    exclude = List.copyOf(requireNonNull(exclude, "exclude"));
    for (String glob : include) {
      check(glob);
    }
    for (String glob : exclude) {
      check(glob);
    }
  }

  private static void check(String glob) {
    if (!GLOB_SYNTAX.matcher(glob).matches()) {
      throw new IllegalArgumentException(
          "Namespace glob \""
              + glob
              + "\" cannot match a namespace: use lowercase letters, digits, '-', '*' and '?'");
    }
  }

  /**
   * Every namespace but {@code kube-system}.
   *
   * @return never {@code null}
   */
  public static NamespaceFilter defaults() {
    return new NamespaceFilter(List.of(), DEFAULT_EXCLUDE);
  }

  /**
   * Whether a namespace is watched.
   *
   * @param namespace never {@code null}
   * @return {@code true} when it matches an include glob (or there is none) and no exclude glob
   */
  public boolean matches(String namespace) {
    for (String glob : exclude) {
      if (Glob.matches(glob, namespace)) {
        return false;
      }
    }
    if (include.isEmpty()) {
      return true;
    }
    for (String glob : include) {
      if (Glob.matches(glob, namespace)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The namespaces to watch one by one, when every include is a literal name: then inspectr needs
   * only namespaced permissions there instead of a cluster-wide pod watch.
   *
   * @return the literal, not excluded namespaces; empty when the whole cluster must be watched
   */
  public List<String> literalIncludes() {
    if (!namespacedWatch()) {
      return List.of();
    }
    return include.stream().filter(this::matches).distinct().toList();
  }

  /**
   * Whether every include is a literal name, so that each included namespace is watched on its own
   * ({@link #literalIncludes()}) rather than the whole cluster.
   *
   * @return {@code true} when there are includes and none has a wildcard
   */
  public boolean namespacedWatch() {
    return !include.isEmpty() && include.stream().noneMatch(Glob::isPattern);
  }

  /**
   * The exclusions the API server can apply itself (literal names), as field selector terms.
   *
   * @return e.g. {@code metadata.namespace!=kube-system}; empty when none
   */
  public List<String> serverSideExclusions() {
    return exclude.stream()
        .filter(g -> !Glob.isPattern(g))
        .map(name -> "metadata.namespace!=" + name)
        .toList();
  }
}
