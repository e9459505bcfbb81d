package io.inspectr.k8s.state;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.k8s.internal.Environment;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the ConfigMap state store keeps the alert state, read from {@code
 * inspectr.state.configmap}.
 *
 * @param namespace the ConfigMap's namespace
 * @param name the ConfigMap's name
 * @param maxAttempts how many read-modify-write rounds an update tries before giving up on
 *     conflicts
 * @param context the kubeconfig context, or {@code null} for in-cluster or the current context
 * @param kubeconfig the kubeconfig file, or {@code null} for the default
 * @since 0.1
 */
public record ConfigMapStoreSettings(
    String namespace,
    String name,
    int maxAttempts,
    @Nullable String context,
    @Nullable Path kubeconfig) {

  /** Default {@link #name()}. */
  public static final String DEFAULT_NAME = "inspectr-state";

  /** Default {@link #maxAttempts()}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when a name is not a valid Kubernetes name or attempts is not
   *     positive
   */
  public ConfigMapStoreSettings {
    requireNonNull(namespace, "namespace");
    requireNonNull(name, "name");
    if (!DNS_SUBDOMAIN.matcher(namespace).matches() || !DNS_SUBDOMAIN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "ConfigMap " + namespace + "/" + name + " is not a valid Kubernetes name");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /**
   * Reads the settings: {@code namespace} (default: the pod's own), {@code name}, {@code
   * max-attempts}, {@code context}, {@code kubeconfig}.
   *
   * @param config the {@code inspectr.state.configmap} configuration
   * @return the settings
   * @throws io.inspectr.core.config.InvalidConfigurationException listing every problem
   */
  public static ConfigMapStoreSettings fromConfig(PluginConfig config) {
    return fromConfig(config, Environment.system());
  }

  static ConfigMapStoreSettings fromConfig(PluginConfig config, Environment env) {
    ConfigReader read = new ConfigReader(config);
    String namespace = read.optional("namespace").orElseGet(env::ownNamespace);
    String name = read.optional("name").orElse(DEFAULT_NAME);
    int attempts = read.integer("max-attempts", DEFAULT_MAX_ATTEMPTS, 1, 100);
    String context = read.optional("context").orElse(null);
    Path kubeconfig = read.optional("kubeconfig").map(Path::of).orElse(null);
    if (!DNS_SUBDOMAIN.matcher(namespace).matches()) {
      read.problem("namespace", namespace, "it must be a Kubernetes namespace name");
    }
    if (!DNS_SUBDOMAIN.matcher(name).matches()) {
      read.problem(
          "name", name, "it must be a Kubernetes object name (lowercase, digits, '-', '.')");
    }
    read.validate();
    return new ConfigMapStoreSettings(namespace, name, attempts, context, kubeconfig);
  }
}
