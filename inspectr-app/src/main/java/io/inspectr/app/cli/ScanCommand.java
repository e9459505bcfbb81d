package io.inspectr.app.cli;

import io.inspectr.app.config.ConfigSources;
import io.inspectr.app.config.YamlConfigFile;
import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.ScanFailure;
import io.inspectr.core.scan.CredentialResolver;
import io.inspectr.core.scan.ScanResult;
import io.inspectr.core.scan.ScanSettings;
import io.inspectr.core.scan.Scanner;
import io.inspectr.core.spi.AvailableImageDataProvider;
import io.inspectr.k8s.ClusterConnection;
import io.inspectr.k8s.KubeContext;
import io.inspectr.k8s.KubernetesClusters;
import io.inspectr.k8s.KubernetesSettings;
import io.inspectr.k8s.KubernetesSource;
import io.inspectr.k8s.PullSecretCredentials;
import io.inspectr.registry.RegistryRouter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inspectr scan}: one scan of the running containers of the current kubeconfig context (or
 * of each {@code --context}), against their registries, printed as a table, JSON or Markdown.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scans the containers running in the current kubeconfig context (or each --context) and",
      "prints the outdated images. Namespaces, credentials and registries are configured as",
      "for the daemon (INSPECTR_* variables or --config)."
    })
final class ScanCommand implements Callable<Integer> {

  /** Output formats. */
  enum Output {
    table,
    json,
    markdown
  }

  @Option(
      names = "--context",
      paramLabel = "CONTEXT[=CLUSTER]",
      description = "A kubeconfig context to scan, optionally with a cluster name; repeatable.")
  private List<String> contexts = new ArrayList<>();

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The kubeconfig file.")
  private @Nullable Path kubeconfig;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A YAML configuration file; environment variables win over it.")
  private @Nullable Path configFile;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or markdown. Default: ${DEFAULT-VALUE}.")
  private Output output;

  @Option(names = "--all", description = "List up-to-date containers too, not only findings.")
  private boolean all;

  @Option(
      names = "--fail-on-outdated",
      description = "Exit with 1 when an outdated or rebuilt image is found (for CI).")
  private boolean failOnOutdated;

  @Option(
      names = "--sync-timeout",
      paramLabel = "DURATION",
      defaultValue = "2m",
      description = "How long to wait for a cluster's pod list. Default: ${DEFAULT-VALUE}.")
  private String syncTimeout;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand private InspectrCommand parent;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    ClassLoader loader = ScanCommand.class.getClassLoader();
    KubernetesSettings settings;
    RegistryRouter router;
    Duration timeout;
    List<ClusterConnection> clusters;
    if (kubeconfig != null && !java.nio.file.Files.isRegularFile(kubeconfig)) {
      err.println(
          "inspectr scan: --kubeconfig " + kubeconfig + " is not a file: give a kubeconfig");
      return InspectrCommand.EXIT_USAGE;
    }
    try {
      timeout = ConfigReader.parseDuration(syncTimeout);
      List<String> registryIds = new ArrayList<>();
      ServiceLoader.load(AvailableImageDataProvider.class, loader)
          .forEach(p -> registryIds.add(p.id()));
      ConfigSources config =
          ConfigSources.of(
              configFile == null ? Map.of() : YamlConfigFile.read(configFile),
              parent.environment(),
              Map.of("registry", registryIds));
      settings = settings(config);
      clusters = KubernetesClusters.connect(settings);
      router =
          RegistryRouter.load(
              config.view(ConfigSources.ROOT + ".registry"), loader, parent.environment());
    } catch (InvalidConfigurationException | IllegalArgumentException e) {
      err.println("inspectr scan: " + e.getMessage());
      return InspectrCommand.EXIT_USAGE;
    } catch (IOException e) {
      err.println("inspectr scan: cannot read the cluster configuration: " + e.getMessage());
      return InspectrCommand.EXIT_FAILURE;
    }

    List<KubernetesSource> sources = new ArrayList<>();
    try (router) {
      for (ClusterConnection cluster : clusters) {
        KubernetesSource source =
            KubernetesSource.create(cluster.client(), cluster.name(), settings);
        sources.add(source);
        source.start();
      }
      List<RunningContainer> containers = new ArrayList<>();
      List<ScanFailure> unsynced = new ArrayList<>();
      Map<String, PullSecretCredentials> credentials = new HashMap<>();
      for (KubernetesSource source : sources) {
        if (source.awaitSynced(timeout)) {
          containers.addAll(source.snapshot());
          credentials.put(source.clusterName(), source.credentials());
        } else {
          unsynced.add(
              new ScanFailure(
                  "cluster " + source.clusterName(),
                  "its pods could not be listed within "
                      + syncTimeout
                      + "; check that the API server is reachable and that inspectr may list and"
                      + " watch pods (RBAC), or raise --sync-timeout"));
        }
      }
      CredentialResolver resolver =
          c -> {
            PullSecretCredentials cluster = credentials.get(c.cluster());
            return cluster == null
                ? io.inspectr.core.spi.LookupCredentials.none()
                : cluster.credentialsFor(c);
          };
      ScanResult scanned = new Scanner(router, ScanSettings.defaults(), resolver).scan(containers);
      List<ScanFailure> failures = new ArrayList<>(unsynced);
      failures.addAll(scanned.failures());
      ScanResult result = new ScanResult(scanned.results(), failures);
      ScanOutput.render(result, output, all, spec.commandLine().getOut(), err);
      return exitCode(result);
    } finally {
      sources.forEach(KubernetesSource::close);
    }
  }

  private KubernetesSettings settings(ConfigSources config) {
    KubernetesSettings settings =
        KubernetesSettings.fromConfig(config.view(KubernetesSettings.PREFIX));
    KubernetesSettings.Builder builder = settings.toBuilder();
    if (kubeconfig != null) {
      builder.kubeconfig(kubeconfig);
    }
    if (!contexts.isEmpty()) {
      builder.contexts(contexts.stream().map(KubeContext::parse).toList());
    }
    return builder.build();
  }

  /**
   * 3 when the answer is incomplete (a cluster or an image could not be checked), else 1 when asked
   * to fail on findings and there are some, else 0.
   */
  private int exitCode(ScanResult result) {
    if (!result.failures().isEmpty()) {
      return InspectrCommand.EXIT_FAILURE;
    }
    if (failOnOutdated && !result.findings().isEmpty()) {
      return InspectrCommand.EXIT_OUTDATED;
    }
    return InspectrCommand.EXIT_OK;
  }
}
