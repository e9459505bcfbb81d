package io.inspectr.k8s;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A kubeconfig context to watch, and the cluster name inspectr gives it in results.
 *
 * @param context the context's name in the kubeconfig
 * @param clusterName the name to use in results, or {@code null} for the context's name
 * @since 0.1
 */
public record KubeContext(String context, @Nullable String clusterName) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when a name is blank
   */
  public KubeContext {
    requireNonNull(context, "context");
    if (context.isBlank() || (clusterName != null && clusterName.isBlank())) {
      throw new IllegalArgumentException(
          "A kubeconfig context needs a name (and a non-blank cluster name when one is given)");
    }
  }

  /**
   * Reads {@code context} or {@code context=cluster-name}.
   *
   * @param text never {@code null}
   * @return the context
   * @throws IllegalArgumentException when a part is blank
   */
  public static KubeContext parse(String text) {
    int eq = text.indexOf('=');
    return eq < 0
        ? new KubeContext(text.strip(), null)
        : new KubeContext(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
  }

  /**
   * The cluster name for results.
   *
   * @return the configured name, or the context's name
   */
  public String effectiveClusterName() {
    return clusterName != null ? clusterName : context;
  }
}
