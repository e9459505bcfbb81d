package io.inspectr.registry;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.Secret;

/**
 * A credential from configuration ({@code inspectr.registry.auth.<name>.*}) for the registries
 * whose host matches {@code registry} (the kubelet's rules: same port, same number of host labels,
 * {@code *} per label, path prefix).
 *
 * @param registry e.g. {@code ghcr.io}, {@code registry.example.com:5000/team}, {@code
 *     *.dkr.ecr.*.amazonaws.com}
 * @param username the user name
 * @param password the password or access token; printed as {@code ****}
 * @since 0.1
 */
public record StaticCredential(String registry, String username, Secret password) {
  /** Checks the parts. */
  public StaticCredential {
    requireNonNull(registry, "registry");
    requireNonNull(username, "username");
    requireNonNull(password, "password");
  }
}
