package io.inspectr.registry;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.config.Secret;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The shared settings of registry access, read from {@code inspectr.registry.*} (relative keys
 * below; the app maps {@code INSPECTR_REGISTRY_*} variables and {@code
 * INSPECTR_INSECURE_REGISTRIES} onto them). {@code docs/registry.md} lists every key with its
 * default.
 *
 * @param connectTimeout {@code connect-timeout}: TCP and TLS connect timeout
 * @param readTimeout {@code read-timeout}: longest silence while reading a response
 * @param lookupTimeout {@code lookup-timeout}: longest one lookup (all pages, tokens, retries)
 *     takes
 * @param cacheTtl {@code cache-ttl}: how long a listing or digest is reused; 0 turns caching off
 * @param retryAfterCap {@code retry-after-cap}: the longest {@code Retry-After} waited for
 * @param maxConcurrency {@code max-concurrency}: requests in flight overall
 * @param maxConcurrencyPerHost {@code max-concurrency-per-host}: requests in flight per host
 * @param maxResponseBytes {@code max-response-bytes}: the cap on one response body
 * @param insecureRegistries {@code insecure-registries}: {@code host[:port]} reached over plain
 *     HTTP
 * @param caBundle {@code ca-bundle}: a PEM file of extra CA certificates, or {@code null}
 * @param dockerConfig {@code docker-config}: the docker {@code config.json} to read credentials
 *     from
 * @param credentials {@code auth.<name>.registry|username|password}: static credentials
 * @param lookupOverrides {@code lookup-overrides}: {@code from=to,...} name rewrites
 * @since 0.1
 */
public record RegistrySettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration lookupTimeout,
    Duration cacheTtl,
    Duration retryAfterCap,
    int maxConcurrency,
    int maxConcurrencyPerHost,
    long maxResponseBytes,
    Set<String> insecureRegistries,
    @Nullable Path caBundle,
    Path dockerConfig,
    List<StaticCredential> credentials,
    List<LookupOverride> lookupOverrides) {

  /** Default of {@code connect-timeout}. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default of {@code read-timeout}. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /** Default of {@code lookup-timeout}. */
  public static final Duration DEFAULT_LOOKUP_TIMEOUT = Duration.ofMinutes(2);

  /** Default of {@code cache-ttl}. */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);

  /** Default of {@code retry-after-cap}. */
  public static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(60);

  /** Default of {@code max-concurrency}. */
  public static final int DEFAULT_MAX_CONCURRENCY = 32;

  /** Default of {@code max-concurrency-per-host}. */
  public static final int DEFAULT_MAX_CONCURRENCY_PER_HOST = 8;

  /** Default of {@code max-response-bytes}: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  /** Upper bound of the concurrency settings. */
  static final int MAX_CONCURRENCY_LIMIT = 256;

  /** Copies the collections. */
  public RegistrySettings {
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(readTimeout, "readTimeout");
    requireNonNull(lookupTimeout, "lookupTimeout");
    requireNonNull(cacheTtl, "cacheTtl");
    requireNonNull(retryAfterCap, "retryAfterCap");
    requireNonNull(dockerConfig, "dockerConfig");
    insecureRegistries = Set.copyOf(requireNonNull(insecureRegistries, "insecureRegistries"));
    credentials = List.copyOf(requireNonNull(credentials, "credentials"));
    lookupOverrides = List.copyOf(requireNonNull(lookupOverrides, "lookupOverrides"));
    if (maxConcurrency < 1 || maxConcurrencyPerHost < 1 || maxResponseBytes < 1) {
      throw new IllegalArgumentException("concurrency and response size must be positive");
    }
  }

  /**
   * Every default, the docker config from {@code $DOCKER_CONFIG} or {@code ~/.docker}.
   *
   * @return never {@code null}
   */
  public static RegistrySettings defaults() {
    return read(new ConfigReader(PluginConfig.empty("inspectr.registry")), System::getenv);
  }

  /**
   * Reads the settings, recording every problem in {@code reader}; the caller validates.
   *
   * @param reader over {@code inspectr.registry}
   * @param env the environment, for {@code DOCKER_CONFIG} and {@code HOME}
   * @return the settings, with defaults where a value was missing or invalid
   */
  public static RegistrySettings read(ConfigReader reader, UnaryOperator<String> env) {
    int overall =
        reader.integer("max-concurrency", DEFAULT_MAX_CONCURRENCY, 1, MAX_CONCURRENCY_LIMIT);
    int perHost =
        reader.integer(
            "max-concurrency-per-host", DEFAULT_MAX_CONCURRENCY_PER_HOST, 1, MAX_CONCURRENCY_LIMIT);
    long maxBytes =
        reader.parsed(
            "max-response-bytes",
            DEFAULT_MAX_RESPONSE_BYTES,
            "it must be a whole number of bytes, at least 1024",
            v -> {
              long n = Long.parseLong(v.strip());
              if (n < 1024) {
                throw new IllegalArgumentException(v);
              }
              return n;
            });
    Set<String> insecure = new TreeSet<>();
    for (String h : reader.list("insecure-registries")) {
      String host = h.toLowerCase(Locale.ROOT);
      if (host.contains("/") || host.contains("://")) {
        reader.problem("insecure-registries", h, "each entry must be host[:port] without a scheme");
      } else {
        insecure.add(host);
      }
    }
    Path caBundle =
        reader.optional("ca-bundle").map(p -> path(reader, "ca-bundle", p)).orElse(null);
    if (caBundle != null && !Files.isReadable(caBundle)) {
      reader.problem("ca-bundle", caBundle.toString(), "it must name a readable PEM file");
    }
    Path dockerConfig =
        reader
            .optional("docker-config")
            .map(
                p -> {
                  Path path = path(reader, "docker-config", p);
                  if (!Files.isReadable(path)) {
                    reader.problem("docker-config", p, "it must name a readable config.json");
                  }
                  return path;
                })
            .orElseGet(() -> defaultDockerConfig(env));
    return new RegistrySettings(
        positive(reader, "connect-timeout", DEFAULT_CONNECT_TIMEOUT),
        positive(reader, "read-timeout", DEFAULT_READ_TIMEOUT),
        positive(reader, "lookup-timeout", DEFAULT_LOOKUP_TIMEOUT),
        reader.duration("cache-ttl", DEFAULT_CACHE_TTL),
        reader.duration("retry-after-cap", DEFAULT_RETRY_AFTER_CAP),
        overall,
        perHost,
        maxBytes,
        insecure,
        caBundle,
        dockerConfig,
        credentials(reader),
        overrides(reader));
  }

  /**
   * The extra CA bundle.
   *
   * @return empty when none is configured
   */
  public Optional<Path> caBundlePath() {
    return Optional.ofNullable(caBundle);
  }

  /**
   * The same settings with more static credentials (a provider's own, e.g. ECR's token).
   *
   * @param more added after the configured ones
   * @return a copy
   */
  public RegistrySettings withCredentials(List<StaticCredential> more) {
    List<StaticCredential> all = new ArrayList<>(credentials);
    all.addAll(more);
    return new RegistrySettings(
        connectTimeout,
        readTimeout,
        lookupTimeout,
        cacheTtl,
        retryAfterCap,
        maxConcurrency,
        maxConcurrencyPerHost,
        maxResponseBytes,
        insecureRegistries,
        caBundle,
        dockerConfig,
        all,
        lookupOverrides);
  }

  /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}, as docker reads it. */
  static Path defaultDockerConfig(UnaryOperator<String> env) {
    String dir = env.apply("DOCKER_CONFIG");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir, "config.json");
    }
    String home = env.apply("HOME");
    Path base =
        home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    return base.resolve(".docker").resolve("config.json");
  }

  private static Duration positive(ConfigReader reader, String key, Duration defaultValue) {
    Duration d = reader.duration(key, defaultValue);
    if (d.isZero()) {
      reader.problem(key, "0", "it must be longer than zero");
      return defaultValue;
    }
    return d;
  }

  private static Path path(ConfigReader reader, String key, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      reader.problem(key, value, "it must be a file path");
      return Path.of("");
    }
  }

  private static List<StaticCredential> credentials(ConfigReader reader) {
    PluginConfig auth = reader.config().sub("auth");
    Set<String> names = new TreeSet<>();
    for (String k : auth.keys()) {
      int dot = k.indexOf('.');
      names.add(dot < 0 ? k : k.substring(0, dot));
    }
    List<StaticCredential> out = new ArrayList<>();
    for (String name : names) {
      String prefix = "auth." + name + ".";
      String registry =
          reader.required(prefix + "registry", "the registry host the credential is for");
      String user = reader.required(prefix + "username", "the user name");
      Secret password = reader.requiredSecret(prefix + "password", "the password or access token");
      if (!registry.isEmpty() && !user.isEmpty() && !password.isEmpty()) {
        out.add(new StaticCredential(registry, user, password));
      }
    }
    return out;
  }

  private static List<LookupOverride> overrides(ConfigReader reader) {
    List<LookupOverride> out = new ArrayList<>();
    for (String entry : reader.list("lookup-overrides")) {
      try {
        out.add(LookupOverride.parse(entry));
      } catch (IllegalArgumentException e) {
        reader.problem(
            "lookup-overrides",
            entry,
            "each entry must be from=to, e.g. mirror.example.com/dockerhub=docker.io");
      }
    }
    return out;
  }

  /** Keys and shapes only; credentials print masked. */
  @Override
  public String toString() {
    return "RegistrySettings[connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", lookupTimeout="
        + lookupTimeout
        + ", cacheTtl="
        + cacheTtl
        + ", maxConcurrency="
        + maxConcurrency
        + ", maxConcurrencyPerHost="
        + maxConcurrencyPerHost
        + ", insecureRegistries="
        + insecureRegistries
        + ", credentials="
        + credentials.size()
        + ", lookupOverrides="
        + lookupOverrides
        + "]";
  }
}
