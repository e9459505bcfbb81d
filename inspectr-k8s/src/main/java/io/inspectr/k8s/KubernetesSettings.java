package io.inspectr.k8s;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How inspectr discovers running containers in Kubernetes: which clusters, which namespaces,
 * whether pull secrets are read, and the timings of the list/watch loop. Read from the {@code
 * inspectr.kubernetes} configuration with {@link #fromConfig}, or built with {@link #builder()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clusterName the cluster name for results when one cluster is watched, or {@code null} for
 *     the context's name ({@code in-cluster} inside a pod)
 * @param contexts the kubeconfig contexts to watch, one source each; empty for the in-cluster
 *     config inside a pod, else the kubeconfig's current context
 * @param kubeconfig the kubeconfig file, or {@code null} for {@code $KUBECONFIG} or {@code
 *     ~/.kube/config}
 * @param namespaces which namespaces are watched
 * @param pullSecrets whether the pods' image pull secrets are read and handed to the registry layer
 * @param pageSize how many pods one list request asks for
 * @param watchTimeout how long the server keeps one watch open before inspectr renews it
 * @param resync how often the whole pod list is read again to heal anything missed; {@link
 *     Duration#ZERO} never
 * @param backoffInitial the first wait after a failed list or watch
 * @param backoffMax the longest wait between attempts
 * @param credentialsTtl how long pull secrets and service accounts are cached
 * @param ownerCacheSize how many owners (ReplicaSets, Jobs) are remembered
 * @since 0.1
 */
public record KubernetesSettings(
    @Nullable String clusterName,
    List<KubeContext> contexts,
    @Nullable Path kubeconfig,
    NamespaceFilter namespaces,
    boolean pullSecrets,
    int pageSize,
    Duration watchTimeout,
    Duration resync,
    Duration backoffInitial,
    Duration backoffMax,
    Duration credentialsTtl,
    int ownerCacheSize) {

  /** Where the settings live in configuration. */
  public static final String PREFIX = "inspectr.kubernetes";

  /** Default {@link #pageSize()}. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  /** Default {@link #watchTimeout()}. */
  public static final Duration DEFAULT_WATCH_TIMEOUT = Duration.ofMinutes(5);

  /** Default {@link #resync()}. */
  public static final Duration DEFAULT_RESYNC = Duration.ofHours(1);

  /** Default {@link #backoffInitial()}. */
  public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(1);

  /** Default {@link #backoffMax()}. */
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(1);

  /** Default {@link #credentialsTtl()}. */
  public static final Duration DEFAULT_CREDENTIALS_TTL = Duration.ofMinutes(10);

  /** Default {@link #ownerCacheSize()}. */
  public static final int DEFAULT_OWNER_CACHE_SIZE = 10_000;

  /** The value of {@code namespaces-exclude} that excludes nothing, not even kube-system. */
  public static final String EXCLUDE_NONE = "none";

  /**
   * Checks and copies the parts.
   *
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  public KubernetesSettings {
    contexts = List.copyOf(requireNonNull(contexts, "contexts"));
    requireNonNull(namespaces, "namespaces");
    requireNonNull(watchTimeout, "watchTimeout");
    requireNonNull(resync, "resync");
    requireNonNull(backoffInitial, "backoffInitial");
    requireNonNull(backoffMax, "backoffMax");
    requireNonNull(credentialsTtl, "credentialsTtl");
    if (clusterName != null && clusterName.isBlank()) {
      throw new IllegalArgumentException("The cluster name must not be blank; leave it unset");
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("The page size must be at least 1, got " + pageSize);
    }
    if (watchTimeout.getSeconds() < 1) {
      throw new IllegalArgumentException("The watch timeout must be at least 1s");
    }
    if (backoffInitial.isZero() || backoffInitial.isNegative()) {
      throw new IllegalArgumentException("The initial backoff must be positive");
    }
    if (backoffMax.compareTo(backoffInitial) < 0) {
      throw new IllegalArgumentException(
          "The longest backoff ("
              + backoffMax
              + ") must not be below the first ("
              + backoffInitial
              + ")");
    }
    if (resync.isNegative() || credentialsTtl.isNegative() || ownerCacheSize < 1) {
      throw new IllegalArgumentException(
          "resync and credentials TTL must not be negative, the owner cache size at least 1");
    }
    if (clusterName != null && contexts.size() > 1) {
      throw new IllegalArgumentException(
          "A cluster name ("
              + clusterName
              + ") names one cluster but "
              + contexts.size()
              + " contexts are watched; leave it unset, or name each as context=cluster-name");
    }
  }

  /**
   * The defaults: the current cluster, every namespace but kube-system, no pull secrets.
   *
   * @return never {@code null}
   */
  public static KubernetesSettings defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these settings.
   *
   * @return never {@code null}
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clusterName = clusterName;
    b.contexts = new ArrayList<>(contexts);
    b.kubeconfig = kubeconfig;
    b.namespaces = namespaces;
    b.pullSecrets = pullSecrets;
    b.pageSize = pageSize;
    b.watchTimeout = watchTimeout;
    b.resync = resync;
    b.backoffInitial = backoffInitial;
    b.backoffMax = backoffMax;
    b.credentialsTtl = credentialsTtl;
    b.ownerCacheSize = ownerCacheSize;
    return b;
  }

  /**
   * Reads the settings; see {@code docs/kubernetes.md} for every key.
   *
   * @param config the {@code inspectr.kubernetes} configuration, never {@code null}
   * @return the settings
   * @throws io.inspectr.core.config.InvalidConfigurationException listing every problem
   */
  public static KubernetesSettings fromConfig(PluginConfig config) {
    ConfigReader read = new ConfigReader(config);
    Builder b = builder();
    b.clusterName = read.optional("cluster-name").orElse(null);
    for (String text : read.list("contexts")) {
      try {
        b.contexts.add(KubeContext.parse(text));
      } catch (IllegalArgumentException e) {
        read.problem("contexts", text, "each entry must be context or context=cluster-name");
      }
    }
    b.kubeconfig = read.optional("kubeconfig").map(Path::of).orElse(null);
    List<String> include = read.list("namespaces-include");
    List<String> exclude =
        config.find("namespaces-exclude").isEmpty()
            ? NamespaceFilter.DEFAULT_EXCLUDE
            : read.list("namespaces-exclude").stream()
                .filter(g -> !g.equalsIgnoreCase(EXCLUDE_NONE))
                .toList();
    try {
      b.namespaces = new NamespaceFilter(include, exclude);
    } catch (IllegalArgumentException e) {
      read.problem(
          "namespaces-include",
          String.join(",", include) + " / exclude " + String.join(",", exclude),
          "namespace globs use lowercase letters, digits, '-', '*' and '?'");
    }
    b.pullSecrets = read.bool("pull-secrets", false);
    b.pageSize = read.integer("page-size", DEFAULT_PAGE_SIZE, 1, 10_000);
    b.watchTimeout = read.duration("watch-timeout", DEFAULT_WATCH_TIMEOUT);
    b.resync = read.duration("resync", DEFAULT_RESYNC);
    b.backoffInitial = read.duration("backoff-initial", DEFAULT_BACKOFF_INITIAL);
    b.backoffMax = read.duration("backoff-max", DEFAULT_BACKOFF_MAX);
    b.credentialsTtl = read.duration("credentials-ttl", DEFAULT_CREDENTIALS_TTL);
    b.ownerCacheSize = read.integer("owner-cache-size", DEFAULT_OWNER_CACHE_SIZE, 1, 1_000_000);
    if (b.clusterName != null && b.contexts.size() > 1) {
      read.problem(
          "cluster-name",
          b.clusterName,
          "it names one cluster while "
              + b.contexts.size()
              + " contexts are watched; leave it unset, or name each as context=cluster-name");
    }
    if (b.watchTimeout.getSeconds() < 1) {
      read.problem("watch-timeout", b.watchTimeout.toString(), "it must be at least 1s");
    }
    if (b.backoffInitial.isZero()) {
      read.problem("backoff-initial", "0", "it must be positive");
    } else if (b.backoffMax.compareTo(b.backoffInitial) < 0) {
      read.problem("backoff-max", b.backoffMax.toString(), "it must not be below backoff-initial");
    }
    read.validate();
    return b.build();
  }

  /** Builds {@link KubernetesSettings}; not thread-safe. */
  public static final class Builder {
    private @Nullable String clusterName;
    private List<KubeContext> contexts = new ArrayList<>();
    private @Nullable Path kubeconfig;
    private NamespaceFilter namespaces = NamespaceFilter.defaults();
    private boolean pullSecrets;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private Duration watchTimeout = DEFAULT_WATCH_TIMEOUT;
    private Duration resync = DEFAULT_RESYNC;
    private Duration backoffInitial = DEFAULT_BACKOFF_INITIAL;
    private Duration backoffMax = DEFAULT_BACKOFF_MAX;
    private Duration credentialsTtl = DEFAULT_CREDENTIALS_TTL;
    private int ownerCacheSize = DEFAULT_OWNER_CACHE_SIZE;

    private Builder() {}

    /**
     * Sets {@link KubernetesSettings#clusterName()}.
     *
     * @param value the name, or {@code null}
     * @return this builder
     */
    public Builder clusterName(@Nullable String value) {
      this.clusterName = value;
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#contexts()}.
     *
     * @param value never {@code null}
     * @return this builder
     */
    public Builder contexts(List<KubeContext> value) {
      this.contexts = new ArrayList<>(value);
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#kubeconfig()}.
     *
     * @param value the file, or {@code null}
     * @return this builder
     */
    public Builder kubeconfig(@Nullable Path value) {
      this.kubeconfig = value;
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#namespaces()}.
     *
     * @param value never {@code null}
     * @return this builder
     */
    public Builder namespaces(NamespaceFilter value) {
      this.namespaces = requireNonNull(value, "namespaces");
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#pullSecrets()}.
     *
     * @param value whether pull secrets are read
     * @return this builder
     */
    public Builder pullSecrets(boolean value) {
      this.pullSecrets = value;
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#pageSize()}.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#watchTimeout()}.
     *
     * @param value at least one second
     * @return this builder
     */
    public Builder watchTimeout(Duration value) {
      this.watchTimeout = value;
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#resync()}.
     *
     * @param value {@link Duration#ZERO} for never
     * @return this builder
     */
    public Builder resync(Duration value) {
      this.resync = value;
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#backoffInitial()} and {@link KubernetesSettings#backoffMax()}.
     *
     * @param initial the first wait
     * @param max the longest wait
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      this.backoffInitial = initial;
      this.backoffMax = max;
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#credentialsTtl()}.
     *
     * @param value not negative
     * @return this builder
     */
    public Builder credentialsTtl(Duration value) {
      this.credentialsTtl = value;
      return this;
    }

    /**
     * Sets {@link KubernetesSettings#ownerCacheSize()}.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder ownerCacheSize(int value) {
      this.ownerCacheSize = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return never {@code null}
     * @throws IllegalArgumentException when a setting is out of range
     */
    public KubernetesSettings build() {
      return new KubernetesSettings(
          clusterName,
          contexts,
          kubeconfig,
          namespaces,
          pullSecrets,
          pageSize,
          watchTimeout,
          resync,
          backoffInitial,
          backoffMax,
          credentialsTtl,
          ownerCacheSize);
    }
  }
}
