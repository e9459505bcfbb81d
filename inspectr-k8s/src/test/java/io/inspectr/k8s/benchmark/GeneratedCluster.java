package io.inspectr.k8s.benchmark;

import io.inspectr.k8s.fake.FakeApiServer;
import io.inspectr.k8s.fixtures.PodFixtures;
import java.util.Locale;

/**
 * A large, realistic cluster made from the Deployment pod fixture (managed fields, two containers,
 * an init container, probes, volumes): pod {@code i} belongs to Deployment {@code app-<i/25>} in
 * namespace {@code ns-<deployment % 100>}, with that Deployment's images and digests, and its own
 * name, uid, IP and container ids.
 */
final class GeneratedCluster {
  static final int PODS_PER_DEPLOYMENT = 25;

  private final String podTemplate = PodFixtures.text(PodFixtures.DEPLOYMENT_POD);
  private final String replicaSetTemplate = PodFixtures.text(PodFixtures.WEB_REPLICASET);

  /** Adds the ReplicaSets that own {@code pods} pods. */
  void addOwners(FakeApiServer server, int pods) {
    for (int d = 0; d * PODS_PER_DEPLOYMENT < pods; d++) {
      server.apply("replicasets", deploymentScoped(replicaSetTemplate, d));
    }
  }

  /** Pod {@code i}'s JSON. */
  String pod(int i) {
    int d = i / PODS_PER_DEPLOYMENT;
    String json =
        podTemplate.replace(
            "web-7d9c8b6f4d-x5k2p", "app-" + d + "-7d9c8b6f4d-" + Integer.toString(i, 36));
    json = json.replace("0d7f3c52-9a1e-4f0b-8f6e-7c2d41a9b3e5", uuid(i, 0xA));
    json = json.replace("\"48213377\"", "\"" + (100_000 + i) + "\"");
    json = json.replace("10.244.3.17", "10.244." + (i / 250 % 256) + "." + (i % 250));
    json =
        json.replace("4f1c9a3e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f", hex(i, 1));
    json =
        json.replace("9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d", hex(i, 2));
    json =
        json.replace("2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b", hex(i, 3));
    return deploymentScoped(json, d);
  }

  private static String deploymentScoped(String json, int d) {
    String out = json.replace("web-7d9c8b6f4d", "app-" + d + "-7d9c8b6f4d");
    out = out.replace("5b0c1f7e-3a8d-4a49-9d57-0f6c2b1e8a11", uuid(d, 0xB));
    out = out.replace("\"name\": \"web\"", "\"name\": \"app-" + d + "\"");
    out = out.replace("\"namespace\": \"shop\"", "\"namespace\": \"ns-" + (d % 100) + "\"");
    out =
        out.replace(
            "nginx:1.25.3",
            "registry.example.com/team-" + (d % 40) + "/app-" + d + ":1." + (d % 30) + ".0");
    out =
        out.replace(
            "docker.io/library/nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
            "registry.example.com/team-" + (d % 40) + "/app-" + d + "@sha256:" + hex(d, 4));
    return out;
  }

  private static String uuid(int n, int salt) {
    String h = hex(n, salt);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-4"
        + h.substring(13, 16)
        + "-8"
        + h.substring(17, 20)
        + "-"
        + h.substring(20, 32);
  }

  /** 64 lowercase hex digits, different for every (n, salt). */
  private static String hex(int n, int salt) {
    StringBuilder out = new StringBuilder(64);
    long x = n * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL;
    while (out.length() < 64) {
      x ^= x >>> 33;
      x *= 0xFF51AFD7ED558CCDL;
      x ^= x >>> 29;
      out.append(String.format(Locale.ROOT, "%016x", x));
    }
    return out.substring(0, 64);
  }
}
