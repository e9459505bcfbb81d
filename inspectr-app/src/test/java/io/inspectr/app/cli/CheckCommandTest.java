package io.inspectr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = InspectrCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path tags(String... tags) throws IOException {
    Path file = dir.resolve("tags.txt");
    Files.write(file, List.of(tags));
    return file;
  }

  @Test
  void jsonNamesEveryPartOfTheAnswer() throws IOException {
    Path file =
        tags(
            "# nginx",
            "",
            "1.25.3-alpine",
            " 1.25.4-alpine ",
            "1.26.0-alpine",
            "2.0.0-alpine",
            "1.26.0");

    Run run =
        run("check", "nginx:1.25.3-alpine", "--tags-file", file.toString(), "--output", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode only = run.json().get(0);
    assertThat(only.get("input").asText()).isEqualTo("nginx:1.25.3-alpine");
    assertThat(only.at("/reference/domain").asText()).isEqualTo("docker.io");
    assertThat(only.at("/reference/path").asText()).isEqualTo("library/nginx");
    assertThat(only.at("/reference/tag").asText()).isEqualTo("1.25.3-alpine");
    assertThat(only.at("/reference/digest").isNull()).isTrue();
    assertThat(only.at("/reference/normalized").asText())
        .isEqualTo("docker.io/library/nginx:1.25.3-alpine");
    assertThat(only.get("current").asText()).isEqualTo("1.25.3-alpine");
    assertThat(texts(only.get("upgrades")))
        .containsExactly("1.25.4-alpine", "1.26.0-alpine", "2.0.0-alpine");
    assertThat(only.at("/newest/patch").asText()).isEqualTo("1.25.4-alpine");
    assertThat(only.at("/newest/minor").asText()).isEqualTo("1.26.0-alpine");
    assertThat(only.at("/newest/major").asText()).isEqualTo("2.0.0-alpine");
    assertThat(only.get("behind").asInt()).isEqualTo(3);
  }

  @Test
  void anInvalidImageTakesItsPlaceAndExitsWithTwo() throws IOException {
    Path file = tags("1.0.1");

    Run run =
        run(
            "check",
            "app:1.0.0",
            "Bad:1",
            "app:latest",
            "--tags-file",
            file.toString(),
            "--output",
            "json");

    assertThat(run.exitCode()).isEqualTo(InspectrCommand.EXIT_USAGE);
    JsonNode array = run.json();
    assertThat(array).hasSize(3);
    assertThat(array.get(0).get("behind").asInt()).isEqualTo(1);
    assertThat(fieldNames(array.get(1))).containsExactly("input", "error");
    assertThat(array.get(1).get("error").asText()).contains("\"Bad:1\"").contains("lowercase");
    assertThat(array.get(2).get("behind").isNull()).isTrue();
    assertThat(array.get(2).at("/newest/major").isNull()).isTrue();
  }

  @Test
  void digestOnlyReferencesHaveNoCurrentTag() throws IOException {
    String digest = "sha256:" + "ab".repeat(32);

    Run run =
        run(
            "check",
            "ghcr.io/o/app@" + digest,
            "--tags-file",
            tags("1.0").toString(),
            "--output",
            "json");

    JsonNode only = run.json().get(0);
    assertThat(only.at("/reference/digest").asText()).isEqualTo(digest);
    assertThat(only.at("/reference/tag").isNull()).isTrue();
    assertThat(only.get("current").isNull()).isTrue();
  }

  @Test
  void textOutputIsATableWithEveryUpgrade() throws IOException {
    Path file = tags("1.25.4", "1.26.0", "latest");

    Run run = run("check", "nginx:1.25.3", "nginx:latest", "--tags-file", file.toString());

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("IMAGE")
        .contains("CURRENT", "NEWEST PATCH", "NEWEST MINOR", "NEWEST MAJOR", "BEHIND");
    assertThat(lines.get(1)).startsWith("nginx:1.25.3").contains("1.25.4", "1.26.0").endsWith("2");
    assertThat(lines.get(2)).startsWith("nginx:latest").endsWith("not a version");
    assertThat(run.out()).contains("Upgrades of nginx:1.25.3 (oldest first):", "1.25.4, 1.26.0");
  }

  @Test
  void policyOptionsApply() throws IOException {
    Path file = tags("1.25.4", "1.26.0", "2.0.0", "1.26.1rc1");

    Run pinned =
        run(
            "check",
            "app:1.25.3",
            "--tags-file",
            file.toString(),
            "--pin",
            "minor",
            "--output",
            "json");
    Run pre =
        run(
            "check",
            "app:1.25.3",
            "--tags-file",
            file.toString(),
            "--allow-prerelease",
            "--exclude-tags",
            "^2\\.",
            "--output",
            "json");

    assertThat(texts(pinned.json().get(0).get("upgrades"))).containsExactly("1.25.4");
    assertThat(texts(pre.json().get(0).get("upgrades")))
        .containsExactly("1.25.4", "1.26.0", "1.26.1rc1");
  }

  @Test
  void badPolicyOptionsAreUsageErrors() throws IOException {
    Run run = run("check", "app:1", "--tags-file", tags("2").toString(), "--scheme", "calver");

    assertThat(run.exitCode()).isEqualTo(InspectrCommand.EXIT_USAGE);
    assertThat(run.err()).contains("Unknown version scheme \"calver\"");
  }

  @Test
  void aMissingTagsFileIsAUsageError() {
    Run run = run("check", "app:1", "--tags-file", dir.resolve("absent.txt").toString());

    assertThat(run.exitCode()).isEqualTo(InspectrCommand.EXIT_USAGE);
    assertThat(run.err()).contains("absent.txt does not exist");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
