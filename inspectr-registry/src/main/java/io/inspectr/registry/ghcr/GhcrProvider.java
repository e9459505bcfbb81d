package io.inspectr.registry.ghcr;

import io.inspectr.core.image.Repository;
import io.inspectr.registry.OciRegistryProvider;
import io.inspectr.registry.RegistryFlavor;

/**
 * GitHub Container Registry ({@code ghcr.io}). Its registry API refuses Basic credentials ({@code
 * DENIED invalid token}); they go only to its token service ({@code ghcr.io/token}, which the
 * challenge names), anonymous for public images. It lists tags oldest first, so the newest are on
 * the last page: every page is read. Stateless.
 *
 * @since 0.1
 */
public final class GhcrProvider extends OciRegistryProvider {
  /** The provider id. */
  public static final String ID = "ghcr";

  /** GHCR's host. */
  public static final String HOST = "ghcr.io";

  private static final RegistryFlavor FLAVOR = new RegistryFlavor() {};

  /** For ServiceLoader. */
  public GhcrProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /** {@code ghcr.io}. */
  @Override
  public boolean supports(Repository repository) {
    return repository.domain().equals(HOST);
  }

  @Override
  protected RegistryFlavor flavor() {
    return FLAVOR;
  }
}
