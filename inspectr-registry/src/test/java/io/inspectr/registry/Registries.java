package io.inspectr.registry;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.registry.internal.Delayer;
import io.inspectr.registry.internal.RegistryRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds registry access for tests: a provider over a fake registry with a given clock and timer,
 * an empty docker config and an environment of its own (never the machine's docker config, home or
 * environment variables), and everything closed afterwards.
 */
final class Registries implements AutoCloseable {
  private final List<AutoCloseable> open = new ArrayList<>();
  private final Path dockerDir;
  private final Path emptyDockerConfig;

  Registries() {
    try {
      dockerDir = Files.createTempDirectory("inspectr-docker");
      emptyDockerConfig = dockerDir.resolve("config.json");
      Files.writeString(emptyDockerConfig, "{\"auths\":{}}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment tests give instead of the process's: both names lead to the empty config. */
  Map<String, String> environment() {
    return Map.of("DOCKER_CONFIG", dockerDir.toString(), "HOME", dockerDir.toString());
  }

  /** The configuration with test defaults added: no docker config of the machine. */
  PluginConfig config(Map<String, String> values) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("docker-config", emptyDockerConfig.toString());
    all.putAll(values);
    return PluginConfig.of("inspectr.registry", all);
  }

  RegistryRuntime runtime(PluginConfig config, Clock clock, Delayer delayer) {
    ConfigReader reader = new ConfigReader(config);
    RegistrySettings settings = RegistrySettings.read(reader, environment()::get);
    reader.validate();
    RegistryRuntime runtime = RegistryRuntime.create(settings, clock, delayer);
    open.add(runtime);
    return runtime;
  }

  OciAvailableImageData create(
      OciRegistryProvider provider, Map<String, String> values, Clock clock, Delayer delayer) {
    PluginConfig config = config(values);
    return provider.create(config, runtime(config, clock, delayer), environment()::get);
  }

  /** Registry access on a runtime another one shares, e.g. with other settings of its own. */
  OciAvailableImageData create(
      OciRegistryProvider provider, Map<String, String> values, RegistryRuntime shared) {
    return provider.create(config(values), shared, environment()::get);
  }

  OciAvailableImageData create(OciRegistryProvider provider, Map<String, String> values) {
    return create(provider, values, Clock.systemUTC(), Delayer.TIMER);
  }

  RegistryRouter router(
      List<io.inspectr.core.spi.AvailableImageDataProvider> providers,
      Map<String, String> values,
      Clock clock,
      Delayer delayer) {
    PluginConfig config = config(values);
    RegistryRouter router =
        RegistryRouter.of(providers, config, runtime(config, clock, delayer), environment()::get);
    open.add(router);
    return router;
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    Files.deleteIfExists(emptyDockerConfig);
    Files.deleteIfExists(dockerDir);
  }
}
