package io.inspectr.registry;

import io.inspectr.core.image.Repository;

/**
 * What sets one registry apart from the plain OCI distribution API: its API host, its page size and
 * extensions of the tag list. Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface RegistryFlavor {

  /** The page size asked for when the registry has no smaller maximum (ECR's cap). */
  int DEFAULT_PAGE_SIZE = 1000;

  /**
   * The host that serves the API for a repository.
   *
   * @param repository never {@code null}
   * @return {@code host[:port]}; by default the repository's domain
   */
  default String apiAuthority(Repository repository) {
    return repository.domain();
  }

  /**
   * The {@code n} of the first {@code tags/list} request; the registry's {@code Link} headers lead
   * on from there. 0 sends no {@code n}.
   *
   * @return by default {@link #DEFAULT_PAGE_SIZE}
   */
  default int pageSize() {
    return DEFAULT_PAGE_SIZE;
  }

  /**
   * The largest page size the registry accepts, which bounds {@code <id>.page-size}.
   *
   * @return by default {@link #DEFAULT_PAGE_SIZE}
   */
  default int maxPageSize() {
    return DEFAULT_PAGE_SIZE;
  }

  /**
   * Whether the tag list carries GCR's {@code manifest} map with push times.
   *
   * @return by default {@code false}
   */
  default boolean readsUploadTimes() {
    return false;
  }
}
