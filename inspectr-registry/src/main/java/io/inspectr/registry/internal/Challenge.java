package io.inspectr.registry.internal;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header.
 *
 * @param scheme lowercase, e.g. {@code bearer}, {@code basic}
 * @param params parameters by lowercase name, e.g. {@code realm}, {@code service}, {@code scope}
 */
public record Challenge(String scheme, Map<String, String> params) {
  /** Lowercases the scheme and copies the parameters. */
  public Challenge {
    scheme = requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
    params = Map.copyOf(requireNonNull(params, "params"));
  }

  /**
   * Whether this is a Bearer (token) challenge.
   *
   * @return {@code true} for Bearer
   */
  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  /**
   * Whether this is a Basic challenge.
   *
   * @return {@code true} for Basic
   */
  public boolean isBasic() {
    return scheme.equals("basic");
  }

  /**
   * A parameter.
   *
   * @param name lowercase name
   * @return empty when absent or blank
   */
  public Optional<String> param(String name) {
    String v = params.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
