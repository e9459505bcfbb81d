package io.inspectr.app.cli;

import static java.util.Objects.requireNonNull;

import io.inspectr.app.config.ConfigSources;
import io.inspectr.core.image.Digest;
import io.inspectr.core.image.ImageReference;
import io.inspectr.core.result.DigestCheck;
import io.inspectr.core.scan.DigestComparer;
import io.inspectr.core.spi.AvailableImageDataProvider;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.registry.RegistryRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Tags and digests from the registries themselves, through every registry provider on the class
 * path ({@link RegistryRouter}), configured from {@code INSPECTR_REGISTRY_*} variables (and {@code
 * INSPECTR_INSECURE_REGISTRIES}); credentials come from the docker {@code config.json} (found
 * through {@code DOCKER_CONFIG} or {@code HOME} of the same environment) and {@code
 * inspectr.registry.auth.*}.
 */
final class RegistryTagSource implements TagSource, AutoCloseable {
  private static final String REGISTRY_PREFIX = ConfigSources.ROOT + ".registry";

  private final RegistryRouter router;

  private RegistryTagSource(RegistryRouter router) {
    this.router = router;
  }

  /**
   * Loads the registry providers and configures them from the environment.
   *
   * @param environment the process environment
   * @return the source; close it when done
   * @throws io.inspectr.core.config.InvalidConfigurationException listing every problem
   */
  static RegistryTagSource load(Map<String, String> environment) {
    ClassLoader loader = RegistryTagSource.class.getClassLoader();
    List<String> ids = new ArrayList<>();
    ServiceLoader.load(AvailableImageDataProvider.class, loader).forEach(p -> ids.add(p.id()));
    ConfigSources config = ConfigSources.of(Map.of(), environment, Map.of("registry", ids));
    return new RegistryTagSource(
        RegistryRouter.load(config.view(REGISTRY_PREFIX), loader, environment));
  }

  @Override
  public List<String> tags(ImageReference reference) throws TagLookupException {
    try {
      return router.tags(reference.repository(), LookupCredentials.none()).tags();
    } catch (RegistryAccessException e) {
      throw new TagLookupException(e.getMessage(), false, e);
    }
  }

  /**
   * Compares a running digest with what the reference's tag points to now. A multi-platform index
   * is unchanged when the running digest is the index's or one of its platform manifests'.
   *
   * @param reference the image, with a tag
   * @param running the digest that runs
   * @return the comparison
   * @throws TagLookupException when the registry cannot say
   */
  DigestComparison compare(ImageReference reference, Digest running) throws TagLookupException {
    String tag = reference.tag().orElse(ImageReference.DEFAULT_TAG);
    try {
      DigestCheck check =
          new DigestComparer(router, reference.repository(), LookupCredentials.none())
              .check(tag, running);
      return new DigestComparison(check.isRebuilt(), requireNonNull(check.current()));
    } catch (RegistryAccessException e) {
      throw new TagLookupException(e.getMessage(), false, e);
    }
  }

  @Override
  public void close() {
    router.close();
  }

  /**
   * What a digest comparison found.
   *
   * @param changed whether the tag now points to other content than what runs
   * @param current the digest the registry serves for the tag now
   */
  record DigestComparison(boolean changed, Digest current) {}
}
