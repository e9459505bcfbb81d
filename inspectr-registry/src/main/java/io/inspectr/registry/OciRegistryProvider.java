package io.inspectr.registry;

import io.inspectr.core.config.ConfigProblem;
import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.AvailableImageDataProvider;
import io.inspectr.registry.internal.RegistryRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The base of every provider of an OCI distribution registry: reads the shared settings ({@link
 * RegistrySettings}) and the provider's own ({@code <id>.page-size}, {@code <id>.api-host} and what
 * {@link #providerCredentials} reads), reports every problem at once, and makes an {@link
 * OciAvailableImageData} of the provider's {@link RegistryFlavor}.
 *
 * <p>Subclasses need a public no-argument constructor (ServiceLoader) and are stateless.
 *
 * @since 0.1
 */
public abstract class OciRegistryProvider implements AvailableImageDataProvider {

  /** For subclasses. */
  protected OciRegistryProvider() {}

  /**
   * What sets this registry apart.
   *
   * @return never {@code null}
   */
  protected abstract RegistryFlavor flavor();

  /**
   * Credentials from the provider's own keys, e.g. ECR's token.
   *
   * @param own a reader over {@code <id>.*}; record problems in it
   * @return never {@code null}
   */
  protected List<StaticCredential> providerCredentials(ConfigReader own) {
    return List.of();
  }

  /**
   * Creates the registry access with its own connections and threads; close it when done. A {@link
   * RegistryRouter} shares them between providers instead. Reads {@code DOCKER_CONFIG} and {@code
   * HOME} from the process environment; {@link RegistryRouter#load(PluginConfig, ClassLoader,
   * java.util.Map)} takes another.
   *
   * @throws InvalidConfigurationException listing every problem of {@code config}
   */
  @Override
  public final OciAvailableImageData create(PluginConfig config) {
    return create(config, null, System::getenv);
  }

  /**
   * Creates the registry access on a shared runtime, or on its own when {@code shared} is {@code
   * null}.
   *
   * @param env the environment, for {@code DOCKER_CONFIG} and {@code HOME}
   */
  final OciAvailableImageData create(
      PluginConfig config, @Nullable RegistryRuntime shared, UnaryOperator<String> env) {
    ConfigReader reader = new ConfigReader(config);
    RegistrySettings settings = RegistrySettings.read(reader, env);
    ConfigReader own = new ConfigReader(config.sub(id()));
    RegistryFlavor flavor = withApiHost(flavor(), own);
    int pageSize = own.integer("page-size", flavor.pageSize(), 0, flavor.maxPageSize());
    settings = settings.withCredentials(providerCredentials(own));
    List<ConfigProblem> problems = new ArrayList<>(reader.problems());
    problems.addAll(own.problems());
    RegistryRuntime runtime = shared;
    if (problems.isEmpty() && runtime == null) {
      try {
        runtime = RegistryRuntime.create(settings);
      } catch (IllegalArgumentException e) {
        problems.add(
            new ConfigProblem(
                config.fullKey("ca-bundle"),
                String.valueOf(settings.caBundle()),
                "it must be a PEM file of CA certificates (" + e.getMessage() + ")"));
      }
    }
    if (!problems.isEmpty() || runtime == null) {
      throw new InvalidConfigurationException(problems);
    }
    return new OciAvailableImageData(id(), flavor, pageSize, settings, runtime, shared == null);
  }

  /** {@code <id>.api-host} sends every request of this provider to another host (a proxy). */
  private static RegistryFlavor withApiHost(RegistryFlavor flavor, ConfigReader own) {
    Optional<String> host = own.optional("api-host");
    if (host.isEmpty()) {
      return flavor;
    }
    if (!host.get().matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
      own.problem("api-host", host.get(), "it must be host[:port]");
      return flavor;
    }
    String authority = host.get().toLowerCase(Locale.ROOT);
    return new RegistryFlavor() {
      @Override
      public String apiAuthority(Repository repository) {
        return authority;
      }

      @Override
      public int pageSize() {
        return flavor.pageSize();
      }

      @Override
      public int maxPageSize() {
        return flavor.maxPageSize();
      }

      @Override
      public boolean readsUploadTimes() {
        return flavor.readsUploadTimes();
      }
    };
  }
}
