package io.inspectr.k8s;

import io.inspectr.core.config.ConfigProblem;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.k8s.internal.Environment;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Connects to the clusters the settings name: one connection per kubeconfig context; with none, the
 * in-cluster configuration inside a pod, else the kubeconfig's current context. Clients are built
 * with {@code ClientBuilder}, so watches have no read timeout and service-account tokens are
 * re-read as they rotate.
 *
 * @since 0.1
 */
public final class KubernetesClusters {
  /** The cluster name inside a pod when none is configured. */
  public static final String IN_CLUSTER = "in-cluster";

  private KubernetesClusters() {}

  /**
   * Connects to every configured cluster.
   *
   * @param settings the settings, never {@code null}
   * @return one connection per cluster, in the order configured
   * @throws IOException when the kubeconfig or the service account cannot be read
   * @throws InvalidConfigurationException when a configured context is not in the kubeconfig
   */
  public static List<ClusterConnection> connect(KubernetesSettings settings) throws IOException {
    return connect(settings, Environment.system());
  }

  static List<ClusterConnection> connect(KubernetesSettings settings, Environment env)
      throws IOException {
    if (settings.contexts().isEmpty()) {
      if (env.inCluster()) {
        String name = Objects.requireNonNullElse(settings.clusterName(), IN_CLUSTER);
        return List.of(new ClusterConnection(name, ClientBuilder.cluster().build()));
      }
      Path file = env.kubeconfig(settings.kubeconfig());
      KubeConfig config = load(file);
      String current = config.getCurrentContext();
      if (current == null || current.isBlank()) {
        throw new InvalidConfigurationException(
            List.of(
                new ConfigProblem(
                    KubernetesSettings.PREFIX + ".contexts",
                    null,
                    "the kubeconfig " + file + " has no current context; name one in contexts")));
      }
      String name = Objects.requireNonNullElse(settings.clusterName(), current);
      return List.of(new ClusterConnection(name, ClientBuilder.kubeconfig(config).build()));
    }
    Path file = env.kubeconfig(settings.kubeconfig());
    List<ClusterConnection> connections = new ArrayList<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (KubeContext context : settings.contexts()) {
      KubeConfig config = load(file);
      if (!config.setContext(context.context())) {
        problems.add(
            new ConfigProblem(
                KubernetesSettings.PREFIX + ".contexts",
                context.context(),
                "it must name a context of " + file + "; it has " + contextNames(config)));
        continue;
      }
      String name =
          settings.clusterName() != null ? settings.clusterName() : context.effectiveClusterName();
      connections.add(new ClusterConnection(name, ClientBuilder.kubeconfig(config).build()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    return connections;
  }

  /**
   * A client for one context, or for the current context or in-cluster configuration when {@code
   * context} is {@code null}: what the state store and leader election use.
   *
   * @param kubeconfig the kubeconfig file, or {@code null} for the default
   * @param context the context, or {@code null}
   * @return never {@code null}
   * @throws IOException when the configuration cannot be read
   * @throws InvalidConfigurationException when the context is not in the kubeconfig
   */
  public static ApiClient client(@Nullable Path kubeconfig, @Nullable String context)
      throws IOException {
    KubernetesSettings.Builder settings = KubernetesSettings.builder().kubeconfig(kubeconfig);
    if (context != null) {
      settings.contexts(List.of(new KubeContext(context, null)));
    }
    return connect(settings.build()).get(0).client();
  }

  private static KubeConfig load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "Tried to read the kubeconfig "
              + file
              + " but it does not exist; perhaps you should set KUBECONFIG or"
              + " inspectr.kubernetes.kubeconfig, or run inside the cluster");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      KubeConfig config = KubeConfig.loadKubeConfig(reader);
      // Relative certificate and key paths resolve against the kubeconfig's directory.
      config.setFile(file.toAbsolutePath().toFile());
      return config;
    }
  }

  private static String contextNames(KubeConfig config) {
    List<String> names = new ArrayList<>();
    if (config.getContexts() != null) {
      for (Object o : config.getContexts()) {
        if (o instanceof Map<?, ?> m && m.get("name") != null) {
          names.add(String.valueOf(m.get("name")));
        }
      }
    }
    return names.isEmpty() ? "no contexts" : String.join(", ", names);
  }
}
