package io.inspectr.core.scan;

import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.spi.LookupCredentials;

/**
 * Finds the credentials that came with a container, such as its Kubernetes image pull secrets.
 * Implementations must be thread-safe and must not throw: a container whose credentials cannot be
 * read is looked up with what the registry layer has on its own.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CredentialResolver {
  /** No credentials besides the registry layer's own. */
  CredentialResolver NONE = container -> LookupCredentials.none();

  /**
   * The credentials of a container.
   *
   * @param container never {@code null}
   * @return never {@code null}
   */
  LookupCredentials credentialsFor(RunningContainer container);
}
