package io.inspectr.registry.gcr;

import io.inspectr.core.image.Repository;
import io.inspectr.registry.OciRegistryProvider;
import io.inspectr.registry.RegistryFlavor;

/**
 * Google Container Registry ({@code gcr.io}, {@code *.gcr.io}) and Artifact Registry ({@code
 * <region>-docker.pkg.dev}). Their tag list carries a {@code manifest} map with each manifest's
 * tags and push time ({@code timeUploadedMs}, a string on GCR and a number on Artifact Registry),
 * which becomes {@link io.inspectr.core.spi.RepositoryTags#created()}. Credentials are a user
 * {@code oauth2accesstoken} with an access token, or {@code _json_key} with a service account key,
 * sent to the token service. Stateless.
 *
 * @since 0.1
 */
public final class GcrProvider extends OciRegistryProvider {
  /** The provider id. */
  public static final String ID = "gcr";

  private static final RegistryFlavor FLAVOR =
      new RegistryFlavor() {
        @Override
        public boolean readsUploadTimes() {
          return true;
        }
      };

  /** For ServiceLoader. */
  public GcrProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /** {@code gcr.io}, {@code *.gcr.io} and {@code *-docker.pkg.dev}. */
  @Override
  public boolean supports(Repository repository) {
    String host = hostOf(repository.domain());
    return host.equals("gcr.io") || host.endsWith(".gcr.io") || host.endsWith("-docker.pkg.dev");
  }

  @Override
  protected RegistryFlavor flavor() {
    return FLAVOR;
  }

  private static String hostOf(String domain) {
    int colon = domain.lastIndexOf(':');
    return colon < 0 ? domain : domain.substring(0, colon);
  }
}
