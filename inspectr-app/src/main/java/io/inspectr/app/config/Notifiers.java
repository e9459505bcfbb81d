package io.inspectr.app.config;

import io.inspectr.core.config.ConfigProblem;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.spi.Notifier;
import io.inspectr.core.spi.NotifierProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the notifier providers on the class path and creates the notifiers the configuration asks
 * for, reporting every configuration problem of every notifier at once.
 */
public final class Notifiers {
  /** The configuration section of notifiers: keys {@code inspectr.notify.<id>.*}. */
  public static final String SECTION = ConfigSources.ROOT + ".notify";

  private static final Logger LOG = LoggerFactory.getLogger(Notifiers.class);

  private Notifiers() {}

  /**
   * The providers found with {@link ServiceLoader}, by id.
   *
   * @param loader the class loader to search
   * @return providers sorted by id
   * @throws InvalidConfigurationException when two providers share an id
   */
  public static Map<String, NotifierProvider> providers(ClassLoader loader) {
    Map<String, NotifierProvider> byId = new TreeMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (NotifierProvider provider : ServiceLoader.load(NotifierProvider.class, loader)) {
      NotifierProvider other = byId.putIfAbsent(provider.id(), provider);
      if (other != null) {
        problems.add(
            new ConfigProblem(
                SECTION + "." + provider.id(),
                other.getClass().getName() + ", " + provider.getClass().getName(),
                "two notifier providers have this id; remove one of their jars"));
      } else {
        LOG.debug(
            "Found notifier {} ({}, {})",
            provider.id(),
            provider.getClass().getName(),
            provider.getClass().getProtectionDomain().getCodeSource());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    return byId;
  }

  /**
   * Creates every notifier whose configuration asks for it.
   *
   * @param providers the providers by id
   * @param config the whole configuration
   * @return the notifiers by id; the caller closes them
   * @throws InvalidConfigurationException listing every problem of every configured notifier; none
   *     is left open then
   */
  public static Map<String, Notifier> createConfigured(
      Map<String, NotifierProvider> providers, ConfigSources config) {
    Map<String, Notifier> created = new LinkedHashMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    providers.forEach(
        (id, provider) -> {
          var view = config.view(SECTION + "." + id);
          if (provider.isConfigured(view)) {
            try {
              created.put(id, provider.create(view));
            } catch (InvalidConfigurationException e) {
              problems.addAll(e.problems());
            }
          }
        });
    if (!problems.isEmpty()) {
      created.values().forEach(Notifier::close);
      throw new InvalidConfigurationException(problems);
    }
    return created;
  }
}
