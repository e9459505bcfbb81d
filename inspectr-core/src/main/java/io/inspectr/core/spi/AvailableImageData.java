package io.inspectr.core.spi;

import io.inspectr.core.image.Digest;
import io.inspectr.core.image.Repository;
import java.util.List;

/**
 * What a registry has: the tags of a repository and what a tag points to now. The registry module
 * implements it for OCI distribution registries; a third party adds a registry by implementing it
 * with an {@link AvailableImageDataProvider}.
 *
 * <p>Implementations must be thread-safe: a scan looks up many repositories concurrently.
 * Implementations should cache, deduplicate concurrent requests and respect rate limits themselves;
 * callers ask once per repository per refresh.
 *
 * @since 0.1
 */
public interface AvailableImageData {

  /**
   * Lists every tag of a repository, following pagination to the end.
   *
   * @param repository the repository, never {@code null}
   * @param credentials credentials that came with the containers, never {@code null}
   * @return the tags, never {@code null}
   * @throws ImageNotFoundException when the repository does not exist
   * @throws RegistryUnauthorizedException when access is refused
   * @throws RateLimitedException when the registry asked to slow down and retries ran out
   * @throws RegistryAccessException for any other failure (network, timeouts, 5xx, bad responses)
   */
  RepositoryTags tags(Repository repository, LookupCredentials credentials)
      throws RegistryAccessException;

  /**
   * Tells what a tag points to now, without downloading the manifest (a HEAD request where the
   * registry allows it, which does not count against pull quotas).
   *
   * @param repository the repository, never {@code null}
   * @param tag the tag, never {@code null}
   * @param credentials credentials that came with the containers, never {@code null}
   * @return the digest and media type, never {@code null}
   * @throws ImageNotFoundException when the tag does not exist
   * @throws RegistryAccessException for any other failure
   */
  ManifestDigest digest(Repository repository, String tag, LookupCredentials credentials)
      throws RegistryAccessException;

  /**
   * The per-platform manifest digests of a multi-platform index. Called only when a running digest
   * differs from the index digest, to tell "the index was rebuilt" from "a node runs one of its
   * platform manifests".
   *
   * @param repository the repository, never {@code null}
   * @param index the digest of an index, never {@code null}
   * @param credentials credentials that came with the containers, never {@code null}
   * @return the child digests, never {@code null}
   * @throws RegistryAccessException when the index cannot be read
   */
  List<Digest> childDigests(Repository repository, Digest index, LookupCredentials credentials)
      throws RegistryAccessException;
}
