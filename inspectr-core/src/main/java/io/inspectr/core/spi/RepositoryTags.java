package io.inspectr.core.spi;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every tag of a repository, as one listing (all pages) returned it.
 *
 * @param repository the repository listed
 * @param tags the tags in the registry's order, without duplicates
 * @param created when each tag was pushed, for registries that say so (GCR, Artifact Registry);
 *     tags without a known time are absent. Time-ordered schemes use it.
 * @since 0.1
 */
public record RepositoryTags(
    Repository repository, List<String> tags, Map<String, Instant> created) {

  /** Copies the parts. */
  public RepositoryTags {
    requireNonNull(repository, "repository");
    tags = List.copyOf(requireNonNull(tags, "tags"));
    created = Map.copyOf(requireNonNull(created, "created"));
  }

  /**
   * Tags without push times.
   *
   * @param repository the repository
   * @param tags the tags
   * @return never {@code null}
   */
  public static RepositoryTags of(Repository repository, List<String> tags) {
    return new RepositoryTags(repository, tags, Map.of());
  }
}
