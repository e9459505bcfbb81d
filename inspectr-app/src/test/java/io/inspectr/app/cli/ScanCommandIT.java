package io.inspectr.app.cli;

import static io.inspectr.k8s.fixtures.PodFixtures.DEPLOYMENT_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.STATEFULSET_POD;
import static io.inspectr.k8s.fixtures.PodFixtures.WEB_REPLICASET;
import static io.inspectr.k8s.fixtures.PodFixtures.pod;
import static io.inspectr.k8s.fixtures.PodFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inspectr.app.testing.TinyRegistry;
import io.inspectr.k8s.fake.FakeApiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspectr scan} end to end: the real Kubernetes client against the fake API server, the
 * real registry client against a small registry on loopback.
 */
class ScanCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUNNING = "sha256:" + "1".repeat(64);
  private static final String REBUILT = "sha256:" + "2".repeat(64);

  @TempDir Path dir;
  private FakeApiServer cluster;
  private TinyRegistry registry;
  private Path kubeconfig;

  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void start() throws IOException {
    registry = TinyRegistry.start();
    String r = registry.authority();
    registry
        .withTags("library/nginx", "1.25.3", "1.25.4", "1.26.0", "latest")
        .withTags("fluent/fluent-bit", "2.2.0", "2.2.1")
        .withTags("acme/migrate", "v1.4.0")
        .withDigest("library/postgres", "stable", REBUILT);
    cluster = FakeApiServer.start();
    cluster.apply("replicasets", text(WEB_REPLICASET));
    cluster.apply(
        "pods",
        pod(DEPLOYMENT_POD)
            .image("nginx", r + "/library/nginx:1.25.3", r + "/library/nginx@" + RUNNING)
            .image(
                "log-shipper", r + "/fluent/fluent-bit:2.2.0", r + "/fluent/fluent-bit@" + RUNNING)
            .image("migrate", r + "/acme/migrate:v1.4.0", r + "/acme/migrate@" + RUNNING)
            .toString());
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\ncurrent-context: test\n"
            + "clusters:\n- {name: test, cluster: {server: '"
            + cluster.url()
            + "'}}\n"
            + "contexts:\n- {name: test, context: {cluster: test, user: bot}}\n"
            + "users:\n- {name: bot, user: {token: t}}\n");
  }

  @AfterEach
  void stop() {
    cluster.close();
    registry.close();
  }

  private Run scan(Map<String, String> extraEnvironment, String... args) {
    Map<String, String> environment = new HashMap<>();
    environment.put("INSPECTR_INSECURE_REGISTRIES", registry.authority());
    environment.put("DOCKER_CONFIG", dir.resolve("no-docker-config").toString());
    environment.put("HOME", dir.toString());
    environment.putAll(extraEnvironment);
    String[] all = new String[args.length + 3];
    all[0] = "scan";
    all[1] = "--kubeconfig";
    all[2] = kubeconfig.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        InspectrCommand.execute(all, new PrintWriter(out), new PrintWriter(err), environment);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void findsTheContainersOfTheClusterUnderTheirWorkloadAndPolicy() throws IOException {
    Run run = scan(Map.of(), "--output", "json", "--all");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode results = JSON.readTree(run.out()).get("results");
    // The fixture pod's annotations: inspectr.io/pin=minor, inspectr.io/ignore/log-shipper=true.
    assertThat(results).hasSize(2);
    JsonNode nginx = byContainer(results, "nginx");
    assertThat(nginx.get("cluster").asText()).isEqualTo("test");
    assertThat(nginx.get("namespace").asText()).isEqualTo("shop");
    assertThat(nginx.at("/workload/kind").asText()).isEqualTo("Deployment");
    assertThat(nginx.at("/workload/name").asText()).isEqualTo("web");
    assertThat(nginx.get("upgrades").toString()).isEqualTo("[\"1.25.4\"]");
    assertThat(nginx.at("/newest/patch").asText()).isEqualTo("1.25.4");
    JsonNode migrate = byContainer(results, "migrate");
    assertThat(migrate.get("init").asBoolean()).isTrue();
    assertThat(migrate.get("behind").asInt()).isZero();
    assertThat(JSON.readTree(run.out()).get("failures")).isEmpty();
    // Ignored containers are not looked up; the others are listed once each.
    assertThat(registry.requests().stream().filter(r -> r.endsWith("/tags/list")))
        .containsExactlyInAnyOrder(
            "GET /v2/library/nginx/tags/list", "GET /v2/acme/migrate/tags/list");
  }

  @Test
  void tableListsOnlyFindingsAndFailOnOutdatedExitsWithOne() {
    Run run = scan(Map.of(), "--fail-on-outdated");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(InspectrCommand.EXIT_OUTDATED);
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("CLUSTER").contains("WORKLOAD", "NEWEST MINOR", "BEHIND");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .contains("Deployment/web", "nginx", "1.25.4")
        .doesNotContain("migrate");
  }

  @Test
  void aRebuiltMutableTagIsAFindingAndABadAnnotationAWarning() throws IOException {
    String r = registry.authority();
    cluster.apply(
        "pods",
        pod(STATEFULSET_POD)
            .image(
                firstContainer(STATEFULSET_POD),
                r + "/library/postgres:stable",
                r + "/library/postgres@" + RUNNING)
            .toString());

    Run markdown = scan(Map.of(), "--output", "markdown");
    Run json = scan(Map.of(), "--output", "json");

    assertThat(markdown.exitCode()).as(markdown.err()).isZero();
    assertThat(markdown.out()).startsWith("| CLUSTER | NAMESPACE |").contains("| rebuilt |");
    // The fixture's inspectr.io/versioning=semver makes "stable" a mutable tag, checked by digest;
    // its inspectr.io/pin=sideways is reported on the workload.
    JsonNode postgres =
        byContainer(JSON.readTree(json.out()).get("results"), firstContainer(STATEFULSET_POD));
    assertThat(postgres.at("/digest/status").asText()).isEqualTo("rebuilt");
    assertThat(postgres.at("/digest/current").asText()).isEqualTo(REBUILT);
    assertThat(postgres.get("warnings").toString())
        .contains("inspectr.io/pin")
        .contains("sideways");
  }

  @Test
  void anUnreachableImageIsReportedAndTheRestIsScanned() {
    String r = registry.authority();
    cluster.apply(
        "pods",
        pod(STATEFULSET_POD)
            .image(firstContainer(STATEFULSET_POD), r + "/gone/db:1.0", r + "/gone/db@" + RUNNING)
            .toString());

    Run run = scan(Map.of());

    assertThat(run.exitCode()).isEqualTo(InspectrCommand.EXIT_FAILURE);
    assertThat(run.err()).contains("gone/db").contains("answered 404");
    assertThat(run.out()).contains("Deployment/web");
  }

  @Test
  void anUnknownContextIsAConfigurationError() {
    Run run = scan(Map.of(), "--context", "prod");

    assertThat(run.exitCode()).isEqualTo(InspectrCommand.EXIT_USAGE);
    assertThat(run.err()).contains("prod").contains("test");
  }

  @Test
  void excludedNamespacesAreNotScanned() {
    Run run = scan(Map.of("INSPECTR_NAMESPACES_EXCLUDE", "shop"), "--output", "json", "--all");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("\"shop\"");
  }

  private static String firstContainer(String fixture) {
    return jsonTree(text(fixture)).at("/spec/containers/0/name").asText();
  }

  private static JsonNode jsonTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode byContainer(JsonNode results, String container) {
    for (JsonNode r : results) {
      if (r.get("container").asText().equals(container)) {
        return r;
      }
    }
    throw new AssertionError("No result for container " + container + " in " + results);
  }
}
