package io.inspectr.k8s.internal;

import io.inspectr.core.result.Workload;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the workload people deploy from a pod's owner: a ReplicaSet's Deployment, a Job's CronJob,
 * or the StatefulSet, DaemonSet or other controller itself; a pod without a controller is its own
 * workload. Only {@code get} on ReplicaSets and Jobs is needed; answers are cached by owner uid.
 *
 * <p>Thread-safe.
 */
public final class OwnerResolver {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerResolver.class);

  private static final String REPLICA_SET = "ReplicaSet";
  private static final String JOB = "Job";
  private static final String NODE = "Node";

  private final AppsV1Api apps;
  private final BatchV1Api batch;
  private final Map<String, Workload> cache;
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicBoolean warnedForbidden = new AtomicBoolean();

  /**
   * Creates a resolver.
   *
   * @param client the cluster's client
   * @param cacheSize how many owners to remember, least recently used dropped first
   */
  public OwnerResolver(ApiClient client, int cacheSize) {
    this.apps = new AppsV1Api(client);
    this.batch = new BatchV1Api(client);
    this.cache =
        new LinkedHashMap<>(256, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Workload> eldest) {
            return size() > cacheSize;
          }
        };
  }

  /**
   * The workload of a pod.
   *
   * @param pod never {@code null}
   * @return never {@code null}
   */
  public Workload workloadOf(SlimPod pod) {
    SlimPod.Owner owner = pod.controller();
    if (owner == null || owner.kind().equals(NODE) || owner.name().isEmpty()) {
      // Static (mirror) pods are owned by their node; the pod itself is what people manage.
      return new Workload(Workload.POD, pod.name());
    }
    if (!owner.kind().equals(REPLICA_SET) && !owner.kind().equals(JOB)) {
      return new Workload(owner.kind(), owner.name());
    }
    String key =
        owner.uid().isEmpty()
            ? pod.namespace() + "/" + owner.kind() + "/" + owner.name()
            : owner.uid();
    synchronized (cache) {
      Workload cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    Workload resolved = lookUp(pod, owner);
    if (resolved != null) {
      synchronized (cache) {
        cache.put(key, resolved);
      }
      return resolved;
    }
    return fallback(pod, owner);
  }

  /**
   * Whether the workload of a pod is known for sure: it needs no lookup, or the lookup succeeded
   * and is cached. After a failed lookup the workload is a guess, to be tried again later.
   *
   * @param pod never {@code null}
   * @return {@code false} while the workload is a guess
   */
  public boolean settled(SlimPod pod) {
    SlimPod.Owner owner = pod.controller();
    if (owner == null || (!owner.kind().equals(REPLICA_SET) && !owner.kind().equals(JOB))) {
      return true;
    }
    synchronized (cache) {
      return cache.containsKey(cacheKey(pod, owner));
    }
  }

  /**
   * How many owners were read from the API server.
   *
   * @return the count since creation
   */
  public long lookups() {
    return lookups.get();
  }

  private static String cacheKey(SlimPod pod, SlimPod.Owner owner) {
    return owner.uid().isEmpty()
        ? pod.namespace() + "/" + owner.kind() + "/" + owner.name()
        : owner.uid();
  }

  /** Reads the owner's own controller; {@code null} when it cannot be read. */
  private @Nullable Workload lookUp(SlimPod pod, SlimPod.Owner owner) {
    lookups.incrementAndGet();
    try {
      V1ObjectMeta meta =
          owner.kind().equals(REPLICA_SET)
              ? apps.readNamespacedReplicaSet(owner.name(), pod.namespace()).execute().getMetadata()
              : batch.readNamespacedJob(owner.name(), pod.namespace()).execute().getMetadata();
      V1OwnerReference top = meta == null ? null : controllerOf(meta.getOwnerReferences());
      return top == null
          ? new Workload(owner.kind(), owner.name())
          : new Workload(top.getKind(), top.getName());
    } catch (ApiException e) {
      if (e.getCode() == 403 && warnedForbidden.compareAndSet(false, true)) {
        LOG.warn(
            "Tried to read {} {}/{} to find the workload of pod {} but the API server said 403"
                + " Forbidden; perhaps you should grant get on replicasets (apps) and jobs (batch)."
                + " Workloads are guessed from the pod until then.",
            owner.kind(),
            pod.namespace(),
            owner.name(),
            pod.key());
      } else if (e.getCode() != 404 && e.getCode() != 403) {
        LOG.warn(
            "Tried to read {} {}/{} to find the workload of pod {} but failed because: {} {}",
            owner.kind(),
            pod.namespace(),
            owner.name(),
            pod.key(),
            e.getCode(),
            e.getMessage());
      }
      return null;
    }
  }

  private static @Nullable V1OwnerReference controllerOf(@Nullable List<V1OwnerReference> refs) {
    if (refs == null || refs.isEmpty()) {
      return null;
    }
    for (V1OwnerReference ref : refs) {
      if (Boolean.TRUE.equals(ref.getController())) {
        return ref;
      }
    }
    return refs.get(0);
  }

  /**
   * The best guess when the owner cannot be read: a ReplicaSet named {@code <deployment>-<hash>}
   * with the pod's {@code pod-template-hash} belongs to that Deployment; anything else is named as
   * it is.
   */
  private static Workload fallback(SlimPod pod, SlimPod.Owner owner) {
    String hash = pod.templateHash();
    String suffix = "-" + hash;
    if (owner.kind().equals(REPLICA_SET)
        && hash != null
        && !hash.isEmpty()
        && owner.name().endsWith(suffix)
        && owner.name().length() > suffix.length()) {
      return new Workload(
          "Deployment", owner.name().substring(0, owner.name().length() - suffix.length()));
    }
    return new Workload(owner.kind(), owner.name());
  }
}
