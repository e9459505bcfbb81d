package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What inspectr keeps of a pod: a few hundred bytes instead of the tens of kilobytes of a {@code
 * V1Pod} with its managed fields, volumes and environment.
 *
 * @param namespace the namespace
 * @param name the pod name
 * @param uid the pod's uid
 * @param resourceVersion the version this projection was read at
 * @param phase {@code status.phase}, empty when not reported yet
 * @param owners the owner references
 * @param templateHash the {@code pod-template-hash} label, or {@code null}; names the Deployment
 *     when its ReplicaSet cannot be read
 * @param serviceAccount {@code spec.serviceAccountName}, empty when not set
 * @param pullSecrets the names in {@code spec.imagePullSecrets}
 * @param annotations only the {@code inspectr.io/*} annotations
 * @param containers the containers, then the init containers, with their running image ids
 */
public record SlimPod(
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    String phase,
    List<Owner> owners,
    @Nullable String templateHash,
    String serviceAccount,
    List<String> pullSecrets,
    Map<String, String> annotations,
    List<Container> containers) {

  /** The phase of a pod whose containers all ended successfully. */
  public static final String SUCCEEDED = "Succeeded";

  /** The phase of a pod whose containers ended and at least one failed. */
  public static final String FAILED = "Failed";

  /** Checks and copies the parts. */
  public SlimPod {
    requireNonNull(namespace, "namespace");
    requireNonNull(name, "name");
    requireNonNull(uid, "uid");
    requireNonNull(resourceVersion, "resourceVersion");
    requireNonNull(phase, "phase");
    requireNonNull(serviceAccount, "serviceAccount");
    // copyOf returns an immutable argument as it is, so shared (interned) parts stay shared.
    owners = List.copyOf(owners);
    pullSecrets = List.copyOf(pullSecrets);
    annotations = Map.copyOf(annotations);
    containers = List.copyOf(containers);
  }

  /**
   * The cache key, {@code namespace/name}, as Kubernetes informers spell it.
   *
   * @return never {@code null}
   */
  public String key() {
    return key(namespace, name);
  }

  /**
   * The cache key of a pod.
   *
   * @param namespace the namespace
   * @param name the pod name
   * @return {@code namespace/name}
   */
  public static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /**
   * Whether the pod has ended: its containers no longer run and their images no longer matter.
   *
   * @return {@code true} for Succeeded and Failed pods
   */
  public boolean finished() {
    return SUCCEEDED.equals(phase) || FAILED.equals(phase);
  }

  /**
   * The controlling owner, or the first owner when none is marked as controller.
   *
   * @return {@code null} for a bare pod
   */
  public @Nullable Owner controller() {
    for (Owner owner : owners) {
      if (owner.controller()) {
        return owner;
      }
    }
    return owners.isEmpty() ? null : owners.get(0);
  }

  /**
   * An owner reference.
   *
   * @param apiVersion e.g. {@code apps/v1}
   * @param kind e.g. {@code ReplicaSet}
   * @param name the owner's name
   * @param uid the owner's uid
   * @param controller whether it is the managing controller
   */
  public record Owner(String apiVersion, String kind, String name, String uid, boolean controller) {
    /** Checks the parts. */
    public Owner {
      requireNonNull(apiVersion, "apiVersion");
      requireNonNull(kind, "kind");
      requireNonNull(name, "name");
      requireNonNull(uid, "uid");
    }
  }

  /**
   * A container with the image its spec names and the image id its status reports.
   *
   * @param name the container name
   * @param init whether it is an init container
   * @param image {@code spec.(init)Containers[].image}
   * @param imageId {@code status.(init)ContainerStatuses[].imageID}, empty when not pulled yet
   */
  public record Container(String name, boolean init, String image, String imageId) {
    /** Checks the parts. */
    public Container {
      requireNonNull(name, "name");
      requireNonNull(image, "image");
      requireNonNull(imageId, "imageId");
    }
  }
}
