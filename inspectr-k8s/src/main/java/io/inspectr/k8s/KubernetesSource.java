package io.inspectr.k8s;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.RunningContainer;
import io.inspectr.k8s.internal.ContainerProjector;
import io.inspectr.k8s.internal.OwnerResolver;
import io.inspectr.k8s.internal.PodCache;
import io.inspectr.k8s.internal.PodJsonDecoder;
import io.inspectr.k8s.internal.PodReflector;
import io.inspectr.k8s.internal.PullSecretReader;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The running containers of one Kubernetes cluster, kept current by a list and watch of its pods:
 * every container and init container of every pod that is not finished, in the watched namespaces,
 * with its workload (the pod's top owner), its running digest and its annotation policy. Listeners
 * hear of additions, updates and removals within seconds; {@link #snapshot()} gives the whole set.
 *
 * <p>What it keeps per pod is a slim projection (names, owners, images and image ids, pull-secret
 * names, {@code inspectr.io/*} annotations), decoded straight from the API server's JSON, never a
 * {@code V1Pod}.
 *
 * <pre>{@code
 * try (KubernetesSource source = KubernetesSource.create(client, "prod", settings)) {
 *   source.addListener(listener);
 *   source.start();
 *   source.awaitSynced(Duration.ofMinutes(1));
 *   List<RunningContainer> now = source.snapshot();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Permissions needed: {@code get, list, watch} on pods (cluster-wide, or in each
 * included namespace when they are all literal names), {@code get} on replicasets and jobs, and
 * with pull-secret auth {@code get} on secrets and serviceaccounts.
 *
 * @since 0.1
 */
public final class KubernetesSource implements AutoCloseable {
  /** Pods in these phases have ended; the API server leaves them out of lists and watches. */
  public static final String PHASE_SELECTOR = "status.phase!=Succeeded,status.phase!=Failed";

  private final String clusterName;
  private final PodCache cache;
  private final OwnerResolver owners;
  private final List<PodReflector> reflectors = new ArrayList<>();
  private final PullSecretCredentials credentials;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicInteger unsynced;

  private KubernetesSource(
      ApiClient client, String clusterName, KubernetesSettings settings, Clock clock) {
    this.clusterName = requireNonNull(clusterName, "clusterName");
    requireNonNull(settings, "settings");
    requireNonNull(clock, "clock");
    if (clusterName.isBlank()) {
      throw new IllegalArgumentException("A Kubernetes source needs a cluster name");
    }
    this.owners = new OwnerResolver(client, settings.ownerCacheSize(), clock);
    NamespaceFilter filter = settings.namespaces();
    this.cache =
        new PodCache(
            new ContainerProjector(clusterName, owners::workloadOf, owners::settled),
            filter::matches);
    this.credentials =
        settings.pullSecrets()
            ? new PullSecretReader(client, cache::pod, settings.credentialsTtl(), clock)
            : PullSecretCredentials.none();
    PodReflector.Timings timings =
        new PodReflector.Timings(
            settings.pageSize(),
            settings.watchTimeout(),
            settings.resync(),
            settings.backoffInitial(),
            settings.backoffMax());
    PodJsonDecoder decoder = new PodJsonDecoder();
    List<String> selector = new ArrayList<>(List.of(PHASE_SELECTOR));
    // One reflector per literal namespace, or one (namespace null) for the whole cluster.
    List<@Nullable String> scopes;
    if (filter.namespacedWatch()) {
      scopes = new ArrayList<>(filter.literalIncludes());
    } else {
      selector.addAll(filter.serverSideExclusions());
      scopes = java.util.Collections.singletonList(null);
    }
    String fieldSelector = String.join(",", selector);
    this.unsynced = new AtomicInteger(scopes.size());
    for (@Nullable String namespace : scopes) {
      reflectors.add(
          new PodReflector(
              client,
              clusterName,
              namespace,
              fieldSelector,
              timings,
              decoder,
              cache,
              clock,
              this::reflectorSynced));
    }
  }

  /**
   * Creates a source; it starts reading at {@link #start()}.
   *
   * @param client a client for the cluster, as {@link KubernetesClusters} or {@code ClientBuilder}
   *     makes it (not {@code Config.fromUrl}: its read timeout breaks watches)
   * @param clusterName the cluster name for results
   * @param settings the discovery settings
   * @return never {@code null}
   * @throws IllegalArgumentException when the cluster name is blank
   */
  public static KubernetesSource create(
      ApiClient client, String clusterName, KubernetesSettings settings) {
    return create(client, clusterName, settings, Clock.systemUTC());
  }

  /**
   * Creates a source with a clock for its caches and resync.
   *
   * @param client a client for the cluster
   * @param clusterName the cluster name for results
   * @param settings the discovery settings
   * @param clock decides when cached secrets expire and a resync is due
   * @return never {@code null}
   * @throws IllegalArgumentException when the cluster name is blank
   */
  public static KubernetesSource create(
      ApiClient client, String clusterName, KubernetesSettings settings, Clock clock) {
    return new KubernetesSource(client, clusterName, settings, clock);
  }

  /**
   * The cluster name every container of this source carries.
   *
   * @return never {@code null}
   */
  public String clusterName() {
    return clusterName;
  }

  /**
   * Adds a listener. Add listeners before {@link #start()} to hear about every container; one added
   * later hears only of later changes (read {@link #snapshot()} for the rest).
   *
   * @param listener never {@code null}
   */
  public void addListener(ContainerListener listener) {
    cache.addListener(listener);
  }

  /**
   * Starts listing and watching in the background; failures are retried with backoff and logged.
   *
   * @throws IllegalStateException when already started
   */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "The Kubernetes source of " + clusterName + " was already started");
    }
    if (reflectors.isEmpty()) {
      cache.announceSynced();
    }
    reflectors.forEach(PodReflector::start);
  }

  /**
   * Waits until every pod was listed once.
   *
   * @param timeout how long to wait at most
   * @return {@code true} when synced, {@code false} when the time ran out
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    for (PodReflector r : reflectors) {
      Duration left = Duration.between(Instant.now(), end);
      if (left.isNegative() || !r.awaitSynced(left)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every pod was listed once, so that {@link #snapshot()} is complete.
   *
   * @return {@code true} after the first full list
   */
  public boolean hasSynced() {
    return unsynced.get() == 0;
  }

  /**
   * Every running container known now.
   *
   * @return a copy, never {@code null}; incomplete before {@link #hasSynced()}
   */
  public List<RunningContainer> snapshot() {
    return cache.snapshot();
  }

  /**
   * How many pods are kept.
   *
   * @return the count
   */
  public int podCount() {
    return cache.size();
  }

  /**
   * The pull-secret credentials of this source's containers.
   *
   * @return {@link PullSecretCredentials#none()} when pull-secret auth is off
   */
  public PullSecretCredentials credentials() {
    return credentials;
  }

  /**
   * How many complete pod lists were made: the first, one per relist after {@code 410 Gone} or an
   * expired watch, one per resync.
   *
   * @return the count over all namespaces watched
   */
  public int listCount() {
    return reflectors.stream().mapToInt(PodReflector::lists).sum();
  }

  /**
   * How many owners (ReplicaSets, Jobs) were read from the API server; the rest came from cache.
   *
   * @return the count
   */
  public long ownerLookups() {
    return owners.lookups();
  }

  /** Stops watching. The snapshot stays readable. */
  @Override
  public void close() {
    reflectors.forEach(PodReflector::close);
  }

  private void reflectorSynced() {
    if (unsynced.decrementAndGet() == 0) {
      cache.announceSynced();
    }
  }
}
