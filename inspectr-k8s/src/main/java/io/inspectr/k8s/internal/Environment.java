package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the process can tell about where it runs: environment variables, the mounted service account
 * of a pod, the user's home. Injected so that tests need not run inside a pod.
 *
 * @param variables the environment variables
 * @param serviceAccountDir where a pod's service account is mounted
 * @param home the user's home directory
 */
public record Environment(Map<String, String> variables, Path serviceAccountDir, Path home) {
  /** Where Kubernetes mounts a pod's service account. */
  public static final Path SERVICE_ACCOUNT_DIR =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  /** The namespace used when nothing else says which. */
  public static final String DEFAULT_NAMESPACE = "default";

  /** Copies the variables. */
  public Environment {
    variables = Map.copyOf(requireNonNull(variables, "variables"));
    requireNonNull(serviceAccountDir, "serviceAccountDir");
    requireNonNull(home, "home");
  }

  /**
   * This process's environment.
   *
   * @return never {@code null}
   */
  public static Environment system() {
    return new Environment(
        System.getenv(), SERVICE_ACCOUNT_DIR, Path.of(System.getProperty("user.home", ".")));
  }

  /**
   * Whether this process runs in a pod with a service account.
   *
   * @return {@code true} when {@code KUBERNETES_SERVICE_HOST} is set and the token is mounted
   */
  public boolean inCluster() {
    return variables.containsKey("KUBERNETES_SERVICE_HOST")
        && Files.isRegularFile(serviceAccountDir.resolve("token"));
  }

  /**
   * The namespace this process runs in: {@code POD_NAMESPACE}, else the service account's, else
   * {@code default}.
   *
   * @return never {@code null}
   */
  public String ownNamespace() {
    String fromEnv = variables.get("POD_NAMESPACE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    Path file = serviceAccountDir.resolve("namespace");
    try {
      if (Files.isRegularFile(file)) {
        String ns = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!ns.isEmpty()) {
          return ns;
        }
      }
    } catch (IOException e) {
      // Fall through to the default: the file is a convenience, not a requirement.
    }
    return DEFAULT_NAMESPACE;
  }

  /**
   * This pod's name: {@code POD_NAME} (set it from the downward API), else, inside a pod only,
   * {@code HOSTNAME}, which Kubernetes sets to the pod name. Outside a pod {@code HOSTNAME} names
   * the machine, which several processes share, so it is not used.
   *
   * @return empty outside a pod without {@code POD_NAME}
   */
  public Optional<String> podName() {
    Optional<String> explicit = variable("POD_NAME");
    return explicit.isPresent() || !inCluster() ? explicit : variable("HOSTNAME");
  }

  private Optional<String> variable(String key) {
    String value = variables.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * The kubeconfig file: the configured one, else the first of {@code $KUBECONFIG}, else {@code
   * ~/.kube/config}.
   *
   * @param configured the configured file, or {@code null}
   * @return never {@code null}; the file may not exist
   */
  public Path kubeconfig(@Nullable Path configured) {
    if (configured != null) {
      return configured;
    }
    String env = variables.get("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      for (String part : env.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          return Path.of(part.strip());
        }
      }
    }
    return home.resolve(".kube").resolve("config");
  }
}
