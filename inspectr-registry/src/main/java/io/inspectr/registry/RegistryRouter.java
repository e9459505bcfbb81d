package io.inspectr.registry;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigProblem;
import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.image.Digest;
import io.inspectr.core.image.InvalidImageReferenceException;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.AvailableImageData;
import io.inspectr.core.spi.AvailableImageDataProvider;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.ManifestDigest;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.core.spi.RepositoryTags;
import io.inspectr.registry.internal.RegistryRuntime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each repository to the registry provider that serves it: the one with the highest {@link
 * AvailableImageDataProvider#priority()} among those that {@link
 * AvailableImageDataProvider#supports} it (ties broken by id), so Docker Hub, GHCR, Quay, GCR and
 * ECR go to their own providers and everything else to the generic one. Lookup overrides ({@code
 * lookup-overrides}) are applied first, so a mirror is looked up as its upstream.
 *
 * <p>First-party providers share one set of connections, threads, per-host limits and tokens, so
 * {@code max-concurrency} bounds them together. Thread-safe; {@link #close()} releases them.
 *
 * @since 0.1
 */
public final class RegistryRouter implements AvailableImageData, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryRouter.class);
  private static final String RESERVED_PREFIX = "inspectr-";

  private final List<Route> routes;
  private final List<LookupOverride> overrides;
  private final @Nullable RegistryRuntime runtime;

  private RegistryRouter(
      List<Route> routes, List<LookupOverride> overrides, @Nullable RegistryRuntime runtime) {
    this.routes = routes;
    this.overrides = overrides;
    this.runtime = runtime;
  }

  /**
   * Loads every provider on the class path with {@link ServiceLoader} and creates each, with the
   * process environment.
   *
   * @param config the whole registry configuration ({@code inspectr.registry})
   * @param loader the class loader to search
   * @return the router
   * @throws InvalidConfigurationException listing every problem of every provider
   * @throws IllegalStateException when two providers share an id
   * @see #load(PluginConfig, ClassLoader, Map)
   */
  public static RegistryRouter load(PluginConfig config, ClassLoader loader) {
    return load(config, loader, System.getenv());
  }

  /**
   * Loads every provider on the class path with {@link ServiceLoader} and creates each.
   *
   * @param config the whole registry configuration ({@code inspectr.registry})
   * @param loader the class loader to search
   * @param environment the environment variables to read instead of the process's: {@code
   *     DOCKER_CONFIG} and {@code HOME} find the docker {@code config.json} when {@code
   *     docker-config} is not set (without either, the JVM's {@code user.home})
   * @return the router
   * @throws InvalidConfigurationException listing every problem of every provider
   * @throws IllegalStateException when two providers share an id
   * @since 0.1
   */
  public static RegistryRouter load(
      PluginConfig config, ClassLoader loader, Map<String, String> environment) {
    List<AvailableImageDataProvider> providers = new ArrayList<>();
    for (AvailableImageDataProvider p :
        ServiceLoader.load(AvailableImageDataProvider.class, loader)) {
      providers.add(p);
      LOG.info(
          "Loaded registry provider {} (priority {}, {} from {})",
          p.id(),
          p.priority(),
          p.getClass().getName(),
          location(p.getClass()));
    }
    return of(providers, config, environment);
  }

  /**
   * Creates every given provider, with the process environment.
   *
   * @param providers the providers, never {@code null}
   * @param config the whole registry configuration ({@code inspectr.registry})
   * @return the router
   * @throws InvalidConfigurationException listing every problem of every provider
   * @throws IllegalStateException when two providers share an id or a third party uses the reserved
   *     prefix {@code inspectr-}
   * @see #of(List, PluginConfig, Map)
   */
  public static RegistryRouter of(List<AvailableImageDataProvider> providers, PluginConfig config) {
    return of(providers, config, System.getenv());
  }

  /**
   * Creates every given provider.
   *
   * @param providers the providers, never {@code null}
   * @param config the whole registry configuration ({@code inspectr.registry})
   * @param environment the environment variables to read instead of the process's ({@code
   *     DOCKER_CONFIG}, {@code HOME})
   * @return the router
   * @throws InvalidConfigurationException listing every problem of every provider
   * @throws IllegalStateException when two providers share an id or a third party uses the reserved
   *     prefix {@code inspectr-}
   * @since 0.1
   */
  public static RegistryRouter of(
      List<AvailableImageDataProvider> providers,
      PluginConfig config,
      Map<String, String> environment) {
    UnaryOperator<String> env = environment::get;
    ConfigReader reader = new ConfigReader(config);
    RegistrySettings settings = RegistrySettings.read(reader, env);
    reader.validate();
    RegistryRuntime runtime;
    try {
      runtime = RegistryRuntime.create(settings);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          List.of(
              new ConfigProblem(
                  config.fullKey("ca-bundle"),
                  String.valueOf(settings.caBundle()),
                  "it must be a PEM file of CA certificates (" + e.getMessage() + ")")));
    }
    try {
      return of(providers, config, runtime, env);
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /** With a given runtime (tests give one with their own clock and timer). */
  static RegistryRouter of(
      List<AvailableImageDataProvider> providers,
      PluginConfig config,
      RegistryRuntime runtime,
      UnaryOperator<String> env) {
    Map<String, AvailableImageDataProvider> byId = new HashMap<>();
    for (AvailableImageDataProvider p : providers) {
      AvailableImageDataProvider other = byId.putIfAbsent(p.id(), p);
      if (other != null) {
        throw new IllegalStateException(
            "Two registry providers have the id '"
                + p.id()
                + "': "
                + other.getClass().getName()
                + " and "
                + p.getClass().getName()
                + "; remove one of their jars from the class path");
      }
      if (p.id().startsWith(RESERVED_PREFIX)
          && !p.getClass().getName().startsWith("io.inspectr.")) {
        throw new IllegalStateException(
            "The registry provider "
                + p.getClass().getName()
                + " uses the reserved id prefix '"
                + RESERVED_PREFIX
                + "' in '"
                + p.id()
                + "'; give it another id");
      }
    }
    List<ConfigProblem> problems = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    for (AvailableImageDataProvider p : providers) {
      try {
        AvailableImageData data =
            p instanceof OciRegistryProvider oci
                ? oci.create(config, runtime, env)
                : p.create(config);
        routes.add(new Route(p, data));
      } catch (InvalidConfigurationException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems.stream().distinct().toList());
    }
    routes.sort(
        Comparator.comparingInt((Route r) -> -r.provider().priority())
            .thenComparing(r -> r.provider().id()));
    return new RegistryRouter(List.copyOf(routes), runtime.settings().lookupOverrides(), runtime);
  }

  /**
   * The repository a lookup of {@code repository} goes to, after lookup overrides.
   *
   * @param repository as running
   * @return the repository to look up
   */
  public Repository lookupRepository(Repository repository) {
    for (LookupOverride o : overrides) {
      try {
        Optional<Repository> target = o.apply(repository);
        if (target.isPresent()) {
          return target.get();
        }
      } catch (InvalidImageReferenceException e) {
        LOG.warn("The lookup override {} does not give a valid name for {}", o, repository);
      }
    }
    return repository;
  }

  /**
   * The id of the provider that serves a repository (after lookup overrides).
   *
   * @param repository as running
   * @return empty when no provider supports it
   */
  public Optional<String> providerId(Repository repository) {
    return route(lookupRepository(repository)).map(r -> r.provider().id());
  }

  /**
   * The registry access that serves a repository (after lookup overrides), e.g. to read {@link
   * OciAvailableImageData#rateLimit()}.
   *
   * @param repository as running
   * @return empty when no provider supports it
   */
  public Optional<AvailableImageData> dataFor(Repository repository) {
    return route(lookupRepository(repository)).map(Route::data);
  }

  @Override
  public RepositoryTags tags(Repository repository, LookupCredentials credentials)
      throws RegistryAccessException {
    Repository target = lookupRepository(repository);
    RepositoryTags tags = served(repository, target).tags(target, credentials);
    return new RepositoryTags(repository, tags.tags(), tags.created());
  }

  @Override
  public ManifestDigest digest(Repository repository, String tag, LookupCredentials credentials)
      throws RegistryAccessException {
    Repository target = lookupRepository(repository);
    return served(repository, target).digest(target, tag, credentials);
  }

  @Override
  public List<Digest> childDigests(
      Repository repository, Digest index, LookupCredentials credentials)
      throws RegistryAccessException {
    Repository target = lookupRepository(repository);
    return served(repository, target).childDigests(target, index, credentials);
  }

  /** Closes every provider's access that can be closed, then the shared connections. */
  @Override
  public void close() {
    for (Route r : routes) {
      if (r.data() instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.warn("Closing the registry provider {} failed: {}", r.provider().id(), e.toString());
        }
      }
    }
    if (runtime != null) {
      runtime.close();
    }
  }

  private AvailableImageData served(Repository asRunning, Repository target)
      throws RegistryAccessException {
    return route(target)
        .map(Route::data)
        .orElseThrow(
            () ->
                new RegistryAccessException(
                    "look up",
                    requireNonNull(asRunning),
                    "no registry provider supports "
                        + target.domain()
                        + ", perhaps you should put inspectr-registry (its generic provider) on the"
                        + " class path",
                    false,
                    null));
  }

  private Optional<Route> route(Repository repository) {
    return routes.stream().filter(r -> r.provider().supports(repository)).findFirst();
  }

  private static String location(Class<?> type) {
    var source = type.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null
        ? "unknown"
        : source.getLocation().toString();
  }

  private record Route(AvailableImageDataProvider provider, AvailableImageData data) {}
}
