package io.inspectr.k8s;

import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.spi.LookupCredentials;

/**
 * The registry credentials that come with a running container: the docker config of each image pull
 * secret of its pod and of the pod's service account, most specific first, for the registry layer
 * to match against the registry host as the kubelet does.
 *
 * <p>Implementations are thread-safe, cache what they read, and never throw for a secret they
 * cannot read: they leave it out and log why.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PullSecretCredentials {

  /**
   * The credentials of one container's pod.
   *
   * @param container a container this source reported
   * @return never {@code null}; {@link LookupCredentials#none()} when the pod has no readable pull
   *     secret or pull-secret auth is off
   */
  LookupCredentials credentialsFor(RunningContainer container);

  /**
   * No credentials for any container: pull-secret auth switched off.
   *
   * @return never {@code null}
   */
  static PullSecretCredentials none() {
    return container -> LookupCredentials.none();
  }
}
