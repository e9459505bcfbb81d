package io.inspectr.core.spi;

import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.image.Repository;

/**
 * Creates an {@link AvailableImageData} for the registries it serves. Listed in {@code
 * META-INF/services/io.inspectr.core.spi.AvailableImageDataProvider} and found with {@link
 * java.util.ServiceLoader}; a no-argument constructor is required.
 *
 * <p>For each repository the provider with the highest {@link #priority()} among those that {@link
 * #supports} it is used; the generic OCI distribution provider has the lowest priority and serves
 * everything.
 *
 * @since 0.1
 */
public interface AvailableImageDataProvider {

  /**
   * A unique, stable id, e.g. {@code dockerhub}; its own settings live under {@code
   * inspectr.registry.<id>}. Ids starting with {@code inspectr-} are reserved.
   *
   * @return never {@code null}
   */
  String id();

  /**
   * Whether this provider serves a repository.
   *
   * @param repository never {@code null}
   * @return {@code true} when it does
   */
  boolean supports(Repository repository);

  /**
   * How specific the provider is; the highest wins among those that support a repository.
   * Registry-specific providers use 100, the generic one 0.
   *
   * @return the priority
   */
  default int priority() {
    return 100;
  }

  /**
   * Creates the registry access.
   *
   * @param config the whole registry configuration ({@code inspectr.registry}): shared settings
   *     such as timeouts and credentials at the top, this provider's own under {@code <id>.}
   *     ({@code config.sub(id())}); never {@code null}
   * @return never {@code null}
   * @throws InvalidConfigurationException listing every problem in {@code config}
   */
  AvailableImageData create(PluginConfig config);
}
