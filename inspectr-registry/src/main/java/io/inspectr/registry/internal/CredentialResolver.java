package io.inspectr.registry.internal;

import io.inspectr.core.config.Secret;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.LookupCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the credential for a repository, first match wins: the image pull secrets that came with
 * the containers (most specific first, as given), then the static configuration ({@code
 * inspectr.registry.auth.*}), then the docker {@code config.json}. Matching follows the kubelet
 * ({@link Keyring}). Thread-safe.
 */
public final class CredentialResolver {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialResolver.class);

  private final Keyring configured;
  private final Supplier<Keyring> dockerConfig;

  /**
   * Creates the resolver.
   *
   * @param configured the static credentials
   * @param dockerConfig the docker config.json credentials as they are now, asked on each lookup
   */
  public CredentialResolver(Keyring configured, Supplier<Keyring> dockerConfig) {
    this.configured = configured;
    this.dockerConfig = dockerConfig;
  }

  /**
   * The credential for a repository.
   *
   * @param repository the repository as written in image references (e.g. {@code docker.io/...})
   * @param lookup the pull secrets that came with the containers
   * @return empty for anonymous access
   */
  public Optional<Credential> find(Repository repository, LookupCredentials lookup) {
    for (Secret document : lookup.dockerConfigs()) {
      Keyring pullSecret;
      try {
        pullSecret =
            new Keyring(DockerConfig.parse(document.reveal().getBytes(StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        LOG.warn("Ignoring an image pull secret for {}: {}", repository, e.getMessage());
        continue;
      }
      Optional<Credential> found = pullSecret.find(repository);
      if (found.isPresent()) {
        return found;
      }
    }
    return configured.find(repository).or(() -> dockerConfig.get().find(repository));
  }
}
