package io.inspectr.registry.dockerhub;

import io.inspectr.core.image.Repository;
import io.inspectr.registry.OciRegistryProvider;
import io.inspectr.registry.RegistryFlavor;
import java.util.Set;

/**
 * Docker Hub. References name it {@code docker.io} (official images under {@code library/}, which
 * {@link Repository} adds), but its API is served by {@code registry-1.docker.io}; tokens come from
 * {@code auth.docker.io} through the usual challenge. Digests are read with HEAD, which does not
 * count against the pull quota; the quota itself is exposed by {@link
 * io.inspectr.registry.OciAvailableImageData#rateLimit()}. Credentials stored under {@code
 * https://index.docker.io/v1/} apply. Stateless.
 *
 * @since 0.1
 */
public final class DockerHubProvider extends OciRegistryProvider {
  /** The provider id. */
  public static final String ID = "dockerhub";

  /** The host that serves Docker Hub's registry API. */
  public static final String API_HOST = "registry-1.docker.io";

  private static final Set<String> NAMES =
      Set.of("docker.io", "registry-1.docker.io", "registry.hub.docker.com");

  private static final RegistryFlavor FLAVOR =
      new RegistryFlavor() {
        @Override
        public String apiAuthority(Repository repository) {
          return API_HOST;
        }
      };

  /** For ServiceLoader. */
  public DockerHubProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /** {@code docker.io} and the other names of Docker Hub. */
  @Override
  public boolean supports(Repository repository) {
    return NAMES.contains(repository.domain());
  }

  @Override
  protected RegistryFlavor flavor() {
    return FLAVOR;
  }
}
