package io.inspectr.k8s;

import static java.util.Objects.requireNonNull;

import io.kubernetes.client.openapi.ApiClient;

/**
 * A client for one cluster and the name inspectr gives that cluster in results.
 *
 * @param name the cluster name
 * @param client the client, built without a read timeout so that watches work
 * @since 0.1
 */
public record ClusterConnection(String name, ApiClient client) {
  /** Checks the parts. */
  public ClusterConnection {
    requireNonNull(name, "name");
    requireNonNull(client, "client");
  }

  /** The name and the server, never credentials. */
  @Override
  public String toString() {
    return "ClusterConnection[" + name + " at " + client.getBasePath() + "]";
  }
}
