package io.inspectr.core.scan;

import io.inspectr.core.image.Digest;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.AvailableImageData;
import io.inspectr.core.spi.ImageNotFoundException;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.ManifestDigest;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.core.spi.RepositoryTags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory registry that counts what it is asked. */
final class FakeRegistry implements AvailableImageData {
  static final String INDEX = "application/vnd.oci.image.index.v1+json";
  static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  final Map<Repository, List<String>> tags = new ConcurrentHashMap<>();
  final Map<String, ManifestDigest> digests = new ConcurrentHashMap<>();
  final Map<Digest, List<Digest>> children = new ConcurrentHashMap<>();
  final Map<Repository, AtomicInteger> tagRequests = new ConcurrentHashMap<>();
  final AtomicInteger digestRequests = new AtomicInteger();
  final AtomicInteger childRequests = new AtomicInteger();
  final List<LookupCredentials> credentialsSeen = new CopyOnWriteArrayList<>();

  FakeRegistry withTags(String repository, String... list) {
    tags.put(Repository.parse(repository), List.of(list));
    return this;
  }

  FakeRegistry withDigest(String repository, String tag, Digest digest, String mediaType) {
    digests.put(Repository.parse(repository) + ":" + tag, new ManifestDigest(digest, mediaType));
    return this;
  }

  int tagRequests(String repository) {
    AtomicInteger count = tagRequests.get(Repository.parse(repository));
    return count == null ? 0 : count.get();
  }

  @Override
  public RepositoryTags tags(Repository repository, LookupCredentials credentials)
      throws RegistryAccessException {
    tagRequests.computeIfAbsent(repository, r -> new AtomicInteger()).incrementAndGet();
    credentialsSeen.add(credentials);
    List<String> list = tags.get(repository);
    if (list == null) {
      throw new ImageNotFoundException("list the tags", repository, "NAME_UNKNOWN", null);
    }
    return RepositoryTags.of(repository, list);
  }

  @Override
  public ManifestDigest digest(Repository repository, String tag, LookupCredentials credentials)
      throws RegistryAccessException {
    digestRequests.incrementAndGet();
    ManifestDigest digest = digests.get(repository + ":" + tag);
    if (digest == null) {
      throw new ImageNotFoundException(
          "read the digest of " + tag, repository, "MANIFEST_UNKNOWN", null);
    }
    return digest;
  }

  @Override
  public List<Digest> childDigests(
      Repository repository, Digest index, LookupCredentials credentials) {
    childRequests.incrementAndGet();
    return children.getOrDefault(index, List.of());
  }
}
