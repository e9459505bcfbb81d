package io.inspectr.registry.generic;

import io.inspectr.core.image.Repository;
import io.inspectr.registry.OciRegistryProvider;
import io.inspectr.registry.RegistryFlavor;

/**
 * Any OCI distribution v2 registry (Harbor, Artifactory, Nexus, distribution, Azure, ECR Public,
 * ...): the fallback with the lowest priority. Stateless.
 *
 * @since 0.1
 */
public final class GenericRegistryProvider extends OciRegistryProvider {
  /** The provider id. */
  public static final String ID = "generic";

  private static final RegistryFlavor FLAVOR = new RegistryFlavor() {};

  /** For ServiceLoader. */
  public GenericRegistryProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /** Every repository. */
  @Override
  public boolean supports(Repository repository) {
    return true;
  }

  /** The lowest: every other provider wins. */
  @Override
  public int priority() {
    return 0;
  }

  @Override
  protected RegistryFlavor flavor() {
    return FLAVOR;
  }
}
