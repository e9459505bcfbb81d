package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.Secret;
import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.k8s.PullSecretCredentials;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the image pull secrets of a container's pod and of its service account, caches them for a
 * while, and hands them out as docker config documents. A secret that cannot be read is left out;
 * when a refresh fails, the last value read is kept.
 *
 * <p>What no pod has asked for during twice the ttl (a deleted namespace, a secret no longer
 * referenced) is forgotten. A problem with a secret or service account is logged once, and again
 * only after it was read successfully in between.
 *
 * <p>Thread-safe.
 */
public final class PullSecretReader implements PullSecretCredentials {
  private static final Logger LOG = LoggerFactory.getLogger(PullSecretReader.class);

  /** The secret type {@code kubectl create secret docker-registry} makes. */
  public static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";

  /** The key of the docker config in a {@code kubernetes.io/dockerconfigjson} secret. */
  public static final String DOCKER_CONFIG_JSON_KEY = ".dockerconfigjson";

  /** The legacy key, holding the {@code auths} map without its wrapper. */
  public static final String DOCKER_CFG_KEY = ".dockercfg";

  private final CoreV1Api core;
  private final BiFunction<String, String, Optional<SlimPod>> pods;
  private final Duration ttl;
  private final Clock clock;
  private final Consumer<String> warnings;
  private final Map<String, Cached<Optional<Secret>>> secrets = new ConcurrentHashMap<>();
  private final Map<String, Cached<List<String>>> serviceAccounts = new ConcurrentHashMap<>();
  // Keys warned about, with when that problem was last seen; removed after a good read.
  private final Map<String, Instant> warned = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> nextSweep;

  /** A value read at {@code readAt}, last handed out at {@code usedAt}. */
  private static final class Cached<T> {
    private final T value;
    private final Instant readAt;
    private volatile Instant usedAt;

    Cached(T value, Instant readAt) {
      this.value = value;
      this.readAt = readAt;
      this.usedAt = readAt;
    }
  }

  /**
   * Creates a reader.
   *
   * @param client the cluster's client
   * @param pods finds a cached pod by namespace and name
   * @param ttl how long a read secret or service account is used before it is read again
   * @param clock tells when the ttl is over
   */
  public PullSecretReader(
      ApiClient client,
      BiFunction<String, String, Optional<SlimPod>> pods,
      Duration ttl,
      Clock clock) {
    this(client, pods, ttl, clock, LOG::warn);
  }

  /** As the public constructor, with the warnings going to {@code warnings} instead of the log. */
  PullSecretReader(
      ApiClient client,
      BiFunction<String, String, Optional<SlimPod>> pods,
      Duration ttl,
      Clock clock,
      Consumer<String> warnings) {
    this.core = new CoreV1Api(client);
    this.pods = requireNonNull(pods, "pods");
    this.ttl = requireNonNull(ttl, "ttl");
    this.clock = requireNonNull(clock, "clock");
    this.warnings = requireNonNull(warnings, "warnings");
    this.nextSweep = new AtomicReference<>(clock.instant().plus(ttl));
  }

  /**
   * How many secrets, service accounts and problems are remembered.
   *
   * @return the count
   */
  int remembered() {
    return secrets.size() + serviceAccounts.size() + warned.size();
  }

  @Override
  public LookupCredentials credentialsFor(RunningContainer container) {
    sweep(clock.instant());
    Optional<SlimPod> found = pods.apply(container.namespace(), container.pod());
    if (found.isEmpty()) {
      return LookupCredentials.none();
    }
    SlimPod pod = found.get();
    Set<String> names = new LinkedHashSet<>(pod.pullSecrets());
    if (!pod.serviceAccount().isEmpty()) {
      names.addAll(serviceAccountSecrets(pod.namespace(), pod.serviceAccount()));
    }
    List<Secret> configs = new ArrayList<>(names.size());
    for (String name : names) {
      dockerConfig(pod.namespace(), name, pod.key()).ifPresent(configs::add);
    }
    return configs.isEmpty() ? LookupCredentials.none() : new LookupCredentials(configs);
  }

  private List<String> serviceAccountSecrets(String namespace, String name) {
    String key = namespace + "/" + name;
    return fresh(
        serviceAccounts,
        key,
        () -> {
          V1ServiceAccount account = core.readNamespacedServiceAccount(name, namespace).execute();
          List<V1LocalObjectReference> refs = account.getImagePullSecrets();
          return refs == null
              ? List.of()
              : refs.stream().map(V1LocalObjectReference::getName).filter(n -> n != null).toList();
        },
        names -> true,
        List.of(),
        "service account " + key);
  }

  private Optional<Secret> dockerConfig(String namespace, String name, String pod) {
    String key = namespace + "/" + name;
    return fresh(
        secrets,
        key,
        () -> toDockerConfig(core.readNamespacedSecret(name, namespace).execute(), key, pod),
        Optional::isPresent,
        Optional.empty(),
        "secret " + key + " (an image pull secret of pod " + pod + ")");
  }

  private Optional<Secret> toDockerConfig(V1Secret secret, String key, String pod) {
    Map<String, byte[]> data = secret.getData() == null ? Map.of() : secret.getData();
    byte[] json = data.get(DOCKER_CONFIG_JSON_KEY);
    if (json != null) {
      return Optional.of(Secret.of(new String(json, StandardCharsets.UTF_8)));
    }
    byte[] legacy = data.get(DOCKER_CFG_KEY);
    if (legacy != null) {
      return Optional.of(
          Secret.of("{\"auths\":" + new String(legacy, StandardCharsets.UTF_8).strip() + "}"));
    }
    warnOnce(
        key,
        "Secret "
            + key
            + " is an image pull secret of pod "
            + pod
            + " but has type "
            + secret.getType()
            + " without a "
            + DOCKER_CONFIG_JSON_KEY
            + " or "
            + DOCKER_CFG_KEY
            + " key; it is not used. Create it with kubectl create secret docker-registry.");
    return Optional.empty();
  }

  /**
   * A value read at most {@code ttl} ago, or read now; the stale or default value on failure. A
   * read giving a {@code usable} value ends the problem warned about for that key, if any.
   */
  private <T> T fresh(
      Map<String, Cached<T>> cache,
      String key,
      Read<T> read,
      Predicate<T> usable,
      T absent,
      String what) {
    Instant now = clock.instant();
    Cached<T> cached = cache.get(key);
    if (cached != null && cached.readAt.plus(ttl).isAfter(now)) {
      cached.usedAt = now;
      return cached.value;
    }
    try {
      T value = read.read();
      cache.put(key, new Cached<>(value, now));
      if (usable.test(value)) {
        warned.remove(key);
      }
      return value;
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        // Gone is an answer too: remember it for the ttl like any other.
        cache.put(key, new Cached<>(absent, now));
        warnOnce(key, "Tried to read " + what + " but it does not exist; it is not used");
        return absent;
      }
      warnOnce(
          key,
          "Tried to read "
              + what
              + " but the API server answered "
              + e.getCode()
              + (e.getCode() == 403
                  ? "; perhaps you should grant get on secrets and serviceaccounts in that"
                      + " namespace, or switch pull-secret auth off"
                  : "")
              + (cached != null ? "; the copy read before is used" : ""));
      if (cached == null) {
        return absent;
      }
      cached.usedAt = now;
      return cached.value;
    }
  }

  /** Logs a problem with a key unless it was logged since the key was last read successfully. */
  private void warnOnce(String key, String message) {
    if (warned.put(key, clock.instant()) == null) {
      warnings.accept(message);
    }
  }

  /**
   * Forgets, at most once per ttl, what was not used for twice the ttl: the secrets and service
   * accounts of namespaces that are gone or no longer watched would otherwise stay forever.
   */
  private void sweep(Instant now) {
    Instant due = nextSweep.get();
    if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(ttl))) {
      return;
    }
    Instant unusedSince = now.minus(ttl.multipliedBy(2));
    secrets.values().removeIf(c -> !c.usedAt.isAfter(unusedSince));
    serviceAccounts.values().removeIf(c -> !c.usedAt.isAfter(unusedSince));
    warned.values().removeIf(seen -> !seen.isAfter(unusedSince));
  }

  @FunctionalInterface
  private interface Read<T> {
    T read() throws ApiException;
  }
}
