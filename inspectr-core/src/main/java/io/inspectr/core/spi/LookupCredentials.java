package io.inspectr.core.spi;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.Secret;
import java.util.List;

/**
 * Credentials that came with the containers being checked, such as the contents of their Kubernetes
 * image pull secrets, for the registry layer to use besides its own (docker {@code config.json},
 * static configuration). Each entry is a docker {@code config.json} document ({@code {"auths":
 * {...}}}); the registry layer picks the entry that matches the registry host, as the kubelet does.
 *
 * @param dockerConfigs docker config documents, most specific first; secret, never printed
 * @since 0.1
 */
public record LookupCredentials(List<Secret> dockerConfigs) {
  private static final LookupCredentials NONE = new LookupCredentials(List.of());

  /** Copies the list. */
  public LookupCredentials {
    dockerConfigs = List.copyOf(requireNonNull(dockerConfigs, "dockerConfigs"));
  }

  /**
   * No credentials besides the registry layer's own.
   *
   * @return never {@code null}
   */
  public static LookupCredentials none() {
    return NONE;
  }

  /**
   * Whether there are none.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return dockerConfigs.isEmpty();
  }
}
