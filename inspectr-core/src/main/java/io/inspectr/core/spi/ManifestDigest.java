package io.inspectr.core.spi;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Digest;

/**
 * What a tag points to now, as a manifest HEAD request tells ({@code Docker-Content-Digest} and
 * {@code Content-Type}).
 *
 * @param digest the digest of the manifest or index
 * @param mediaType the manifest's media type, e.g. {@code application/vnd.oci.image.index.v1+json}
 * @since 0.1
 */
public record ManifestDigest(Digest digest, String mediaType) {

  /** Checks the parts. */
  public ManifestDigest {
    requireNonNull(digest, "digest");
    requireNonNull(mediaType, "mediaType");
  }

  /**
   * Whether the tag points to a multi-platform index (OCI index or Docker manifest list), whose
   * children are the per-platform manifests a node actually pulls.
   *
   * @return {@code true} for an index
   */
  public boolean isIndex() {
    return mediaType.equals("application/vnd.oci.image.index.v1+json")
        || mediaType.equals("application/vnd.docker.distribution.manifest.list.v2+json");
  }
}
