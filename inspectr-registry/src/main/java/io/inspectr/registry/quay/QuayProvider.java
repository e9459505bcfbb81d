package io.inspectr.registry.quay;

import io.inspectr.core.image.Repository;
import io.inspectr.registry.OciRegistryProvider;
import io.inspectr.registry.RegistryFlavor;

/**
 * Quay ({@code quay.io}). Pages hold at most 100 tags and the next page is an absolute {@code Link}
 * with an opaque {@code next_page} cursor, followed as given. Stateless.
 *
 * @since 0.1
 */
public final class QuayProvider extends OciRegistryProvider {
  /** The provider id. */
  public static final String ID = "quay";

  /** Quay's largest page. */
  public static final int MAX_PAGE_SIZE = 100;

  private static final RegistryFlavor FLAVOR =
      new RegistryFlavor() {
        @Override
        public int pageSize() {
          return MAX_PAGE_SIZE;
        }

        @Override
        public int maxPageSize() {
          return MAX_PAGE_SIZE;
        }
      };

  /** For ServiceLoader. */
  public QuayProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /** {@code quay.io}. */
  @Override
  public boolean supports(Repository repository) {
    return repository.domain().equals("quay.io");
  }

  @Override
  protected RegistryFlavor flavor() {
    return FLAVOR;
  }
}
