package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.Workload;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>A failed lookup is remembered too, for {@link #FORBIDDEN_RETRY} after a {@code 403} (RBAC
 * rarely changes) and {@link #FAILURE_RETRY} after anything else: meanwhile the workload is guessed
 * from the pod without asking again, so that the pods of one owner cost one request, not one per
 * pod and per resync.
 *
 * <p>Thread-safe.
 */
public final class OwnerResolver {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerResolver.class);

  private static final String REPLICA_SET = "ReplicaSet";
  private static final String JOB = "Job";
  private static final String NODE = "Node";

  /** How long an owner is not read again after the API server refused it ({@code 403}). */
  public static final Duration FORBIDDEN_RETRY = Duration.ofMinutes(10);

  /** How long an owner is not read again after any other failure (missing, {@code 5xx}, I/O). */
  public static final Duration FAILURE_RETRY = Duration.ofMinutes(1);

  private final AppsV1Api apps;
  private final BatchV1Api batch;
  private final Clock clock;
  private final Map<String, Workload> cache;
  private final Map<String, Instant> failedUntil;
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicBoolean warnedForbidden = new AtomicBoolean();

  /**
   * Creates a resolver.
   *
   * @param client the cluster's client
   * @param cacheSize how many owners (and failed owners) to remember, least recently used dropped
   *     first
   * @param clock tells when a failed lookup may be tried again
   */
  public OwnerResolver(ApiClient client, int cacheSize, Clock clock) {
    this.apps = new AppsV1Api(client);
    this.batch = new BatchV1Api(client);
    this.clock = requireNonNull(clock, "clock");
    this.cache = lru(cacheSize);
    this.failedUntil = lru(cacheSize);
  }

  private static <V> Map<String, V> lru(int size) {
    return new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > size;
      }
    };
  }

  /**
   * The workload of a pod. May read the owner from the API server: call it without holding locks
   * that others wait for.
   *
   * @param pod never {@code null}
   * @return never {@code null}; a guess while the owner cannot be read
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
    String key = cacheKey(pod, owner);
    Instant now = clock.instant();
    synchronized (cache) {
      Workload cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
      Instant retry = failedUntil.get(key);
      if (retry != null && now.isBefore(retry)) {
        return fallback(pod, owner);
      }
    }
    Workload resolved = lookUp(pod, owner, key, now);
    return resolved != null ? resolved : fallback(pod, owner);
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

  /**
   * Reads the owner's own controller and remembers the answer, or the failure; {@code null} when it
   * cannot be read.
   */
  private @Nullable Workload lookUp(SlimPod pod, SlimPod.Owner owner, String key, Instant now) {
    lookups.incrementAndGet();
    try {
      V1ObjectMeta meta =
          owner.kind().equals(REPLICA_SET)
              ? apps.readNamespacedReplicaSet(owner.name(), pod.namespace()).execute().getMetadata()
              : batch.readNamespacedJob(owner.name(), pod.namespace()).execute().getMetadata();
      V1OwnerReference top = meta == null ? null : controllerOf(meta.getOwnerReferences());
      Workload resolved =
          top == null
              ? new Workload(owner.kind(), owner.name())
              : new Workload(top.getKind(), top.getName());
      synchronized (cache) {
        cache.put(key, resolved);
        failedUntil.remove(key);
      }
      return resolved;
    } catch (ApiException e) {
      Duration wait = e.getCode() == 403 ? FORBIDDEN_RETRY : FAILURE_RETRY;
      synchronized (cache) {
        failedUntil.put(key, now.plus(wait));
      }
      if (e.getCode() == 403 && warnedForbidden.compareAndSet(false, true)) {
        LOG.warn(
            "Tried to read {} {}/{} to find the workload of pod {} but the API server said 403"
                + " Forbidden; perhaps you should grant get on replicasets (apps) and jobs (batch)."
                + " Workloads are guessed from the pod until then; owners are asked for again every {} minutes.",
            owner.kind(),
            pod.namespace(),
            owner.name(),
            pod.key(),
            wait.toMinutes());
      } else if (e.getCode() != 404 && e.getCode() != 403) {
        LOG.warn(
            "Tried to read {} {}/{} to find the workload of pod {} but failed because: {} {};"
                + " the workload is guessed from the pod, and the owner read again after {} minutes",
            owner.kind(),
            pod.namespace(),
            owner.name(),
            pod.key(),
            e.getCode(),
            e.getMessage(),
            wait.toMinutes());
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
