package io.inspectr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspectr check} without {@code --tags-file}: tags and digests from a registry. */
class CheckRegistryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
  private static final String AMD64 = "sha256:" + "a".repeat(64);
  private static final String ARM64 = "sha256:" + "b".repeat(64);
  private static final String PRIVATE_AUTH =
      "Basic " + Base64.getEncoder().encodeToString("robot:Pa55".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;
  private HttpServer server;
  private String authority;
  private String indexDigest;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    byte[] index =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + INDEX_TYPE
                + "\",\"manifests\":[{\"digest\":\""
                + AMD64
                + "\"},{\"digest\":\""
                + ARM64
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    indexDigest =
        "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(index));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(exchange.getRequestMethod() + " " + path);
          if (path.equals("/v2/team/app/tags/list")) {
            answer(
                exchange,
                200,
                Map.of(),
                "{\"tags\":[\"1.2.0\",\"1.2.1\",\"1.3.0\",\"latest\"]}"
                    .getBytes(StandardCharsets.UTF_8));
          } else if (path.equals("/v2/team/app/manifests/latest")) {
            answer(
                exchange,
                200,
                Map.of("Docker-Content-Digest", indexDigest, "Content-Type", INDEX_TYPE),
                exchange.getRequestMethod().equals("HEAD") ? new byte[0] : index);
          } else if (path.equals("/v2/team/app/manifests/" + indexDigest)) {
            answer(exchange, 200, Map.of("Content-Type", INDEX_TYPE), index);
          } else if (path.equals("/v2/private/app/tags/list")
              && PRIVATE_AUTH.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(
                exchange,
                200,
                Map.of(),
                "{\"tags\":[\"1.0\",\"1.1\"]}".getBytes(StandardCharsets.UTF_8));
          } else if (path.startsWith("/v2/private/")) {
            answer(
                exchange,
                401,
                Map.of("WWW-Authenticate", "Basic realm=\"test\""),
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
                    .getBytes(StandardCharsets.UTF_8));
          } else {
            answer(
                exchange,
                404,
                Map.of(),
                "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
    authority = "127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void answer(HttpExchange e, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((k, v) -> e.getResponseHeaders().add(k, v));
    boolean head = e.getRequestMethod().equals("HEAD");
    e.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = e.getResponseBody()) {
        out.write(body);
      }
    }
    e.close();
  }

  private record Run(int exitCode, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  private Run run(String... args) throws IOException {
    Path dockerConfig = dir.resolve("config.json");
    Files.writeString(dockerConfig, "{\"auths\":{}}");
    return runWith(
        Map.of(
            "INSPECTR_INSECURE_REGISTRIES",
            authority,
            "INSPECTR_REGISTRY_DOCKER_CONFIG",
            dockerConfig.toString()),
        args);
  }

  private static Run runWith(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        InspectrCommand.execute(args, new PrintWriter(out), new PrintWriter(err), environment);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void looksTheTagsUpInTheRegistry() throws IOException {
    Run run = run("check", authority + "/team/app:1.2.0", "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode only = run.json().get(0);
    assertThat(only.get("upgrades")).extracting(JsonNode::asText).containsExactly("1.2.1", "1.3.0");
    assertThat(only.at("/newest/minor").asText()).isEqualTo("1.3.0");
    assertThat(only.has("digest_changed")).isFalse();
    assertThat(requests).containsExactly("GET /v2/team/app/tags/list");
  }

  @Test
  void aMutableTagIsUnchangedWhenThePlatformManifestOfItsIndexRuns() throws IOException {
    Run run =
        run("check", authority + "/team/app:latest", "--running-digest", ARM64, "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.json().get(0).get("digest_changed").asBoolean()).isFalse();
    assertThat(run.json().get(0).get("digest_changed").isBoolean()).isTrue();
  }

  @Test
  void aMutableTagIsChangedWhenItPointsToOtherContent() throws IOException {
    String old = "sha256:" + "c".repeat(64);

    Run json =
        run("check", authority + "/team/app:latest", "--running-digest", old, "--output", "json");
    Run text = run("check", authority + "/team/app:latest", "--running-digest", old);

    assertThat(json.json().get(0).get("digest_changed").asBoolean()).isTrue();
    assertThat(text.out())
        .contains(authority + "/team/app:latest: rebuilt, the tag now points to " + indexDigest);
  }

  @Test
  void aVersionedTagIsNotComparedByDigest() throws IOException {
    Run run =
        run("check", authority + "/team/app:1.2.0", "--running-digest", AMD64, "--output", "json");

    assertThat(run.json().get(0).get("digest_changed").isNull()).isTrue();
    assertThat(requests).noneMatch(r -> r.contains("/manifests/"));
  }

  @Test
  void aRefusedLookupIsARuntimeFailureThatSaysWhatToDo() throws IOException {
    Run run = run("check", authority + "/private/app:1.0");

    assertThat(run.exitCode()).isEqualTo(InspectrCommand.EXIT_FAILURE);
    assertThat(run.err())
        .contains("Tried to list the tags for " + authority + "/private/app")
        .contains("perhaps you should add credentials for " + authority);
  }

  @Test
  void findsTheDockerConfigThroughDockerConfigOfItsOwnEnvironment() throws IOException {
    Path docker = Files.createDirectory(dir.resolve("docker"));
    Files.writeString(
        docker.resolve("config.json"),
        "{\"auths\":{\""
            + authority
            + "\":{\"auth\":\""
            + PRIVATE_AUTH.substring("Basic ".length())
            + "\"}}}");

    Run run =
        runWith(
            Map.of("INSPECTR_INSECURE_REGISTRIES", authority, "DOCKER_CONFIG", docker.toString()),
            "check",
            authority + "/private/app:1.0",
            "--output",
            "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.json().get(0).get("upgrades"))
        .extracting(JsonNode::asText)
        .containsExactly("1.1");
  }

  @Test
  void aMalformedRunningDigestIsAUsageError() throws IOException {
    Run run = run("check", authority + "/team/app:latest", "--running-digest", "sha256:xyz");

    assertThat(run.exitCode()).isEqualTo(InspectrCommand.EXIT_USAGE);
    assertThat(requests).isEmpty();
  }
}
