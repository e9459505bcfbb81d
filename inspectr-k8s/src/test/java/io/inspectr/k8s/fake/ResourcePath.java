package io.inspectr.k8s.fake;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed API path: {@code /api/v1[/namespaces/{ns}]/{resource}[/{name}]} or {@code
 * /apis/{group}/{version}[/namespaces/{ns}]/{resource}[/{name}]}.
 *
 * @param group the API group, empty for the core group
 * @param namespace the namespace, or {@code null} for a cluster-wide request
 * @param resource the plural resource name, e.g. {@code pods}
 * @param name the object name, or {@code null} for a collection request
 */
record ResourcePath(
    String group, @Nullable String namespace, String resource, @Nullable String name) {

  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("pods", "Pod"),
          Map.entry("configmaps", "ConfigMap"),
          Map.entry("secrets", "Secret"),
          Map.entry("serviceaccounts", "ServiceAccount"),
          Map.entry("leases", "Lease"),
          Map.entry("replicasets", "ReplicaSet"),
          Map.entry("deployments", "Deployment"),
          Map.entry("statefulsets", "StatefulSet"),
          Map.entry("daemonsets", "DaemonSet"),
          Map.entry("jobs", "Job"),
          Map.entry("cronjobs", "CronJob"));

  /** Parses a path; {@code null} when it is not a resource path this server knows. */
  static @Nullable ResourcePath parse(String path) {
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    int i;
    String group;
    if (parts.length >= 3 && parts[0].equals("api") && parts[1].equals("v1")) {
      group = "";
      i = 2;
    } else if (parts.length >= 4 && parts[0].equals("apis")) {
      group = parts[1];
      i = 3;
    } else {
      return null;
    }
    String namespace = null;
    if (parts.length > i + 2 && parts[i].equals("namespaces")) {
      namespace = parts[i + 1];
      i += 2;
    }
    if (i >= parts.length || !KINDS.containsKey(parts[i])) {
      return null;
    }
    String resource = parts[i];
    String name = i + 1 < parts.length ? parts[i + 1] : null;
    return new ResourcePath(group, namespace, resource, name);
  }

  /** The kind of the resource's objects, e.g. {@code Pod}. */
  String kind() {
    return KINDS.get(resource);
  }

  /** The apiVersion of the resource's objects, e.g. {@code apps/v1}. */
  String apiVersion() {
    return group.isEmpty() ? "v1" : group + "/v1";
  }

  /** The store key of a named object. */
  String key() {
    return FakeApiServer.key(namespace, name);
  }
}
