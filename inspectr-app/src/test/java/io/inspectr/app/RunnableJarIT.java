package io.inspectr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar the way users do: {@code java -jar inspectr-app/target/inspectr.jar}. */
class RunnableJarIT {
  private static final Path JAR = Path.of("target", "inspectr.jar");

  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {}

  private static Result java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    // The jar reads INSPECTR_* variables; the machine's own must not change what it does here.
    builder.environment().keySet().removeIf(name -> name.startsWith("INSPECTR_"));
    Process process = builder.start();
    // The outputs are small; read them before waiting so the child never blocks on a full pipe.
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the jar exits").isTrue();
    return new Result(process.exitValue(), out, err);
  }

  @Test
  void checkRunsFromTheJar() throws Exception {
    assertThat(JAR).exists();
    Path tags = dir.resolve("tags.txt");
    Files.write(
        tags, List.of("1.25.3-alpine", "1.25.4-alpine", "1.26.0-alpine", "1.26.0", "latest"));

    Result result = java("check", "nginx:1.25.3-alpine", "--tags-file", tags.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("nginx:1.25.3-alpine", "1.25.4-alpine", "1.26.0-alpine");
    assertThat(result.out()).doesNotContain("1.26.0,");
  }

  @Test
  void invalidInputExitsWithTwo() throws Exception {
    Path tags = dir.resolve("tags.txt");
    Files.write(tags, List.of("1"));

    Result result = java("check", "Nginx:1", "--tags-file", tags.toString(), "--output", "json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).contains("\"error\"").contains("must be lowercase");
  }

  @Test
  void scanRunsFromTheJarAndNamesAClusterItCannotReach() throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\ncurrent-context: x\n"
            + "clusters:\n- {name: x, cluster: {server: 'http://127.0.0.1:1'}}\n"
            + "contexts:\n- {name: x, context: {cluster: x, user: u}}\n"
            + "users:\n- {name: u, user: {token: t}}\n");

    Result result = java("scan", "--kubeconfig", kubeconfig.toString(), "--sync-timeout", "2s");
    Result missing = java("scan", "--kubeconfig", dir.resolve("absent").toString());

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("cluster x: its pods could not be listed within 2s");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a file");
  }

  @Test
  void printsItsVersion() throws Exception {
    Result result = java("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("inspectr 0.");
  }

  @Test
  void notifyTestFindsEveryNotifierInTheJarAndNeedsOneConfigured() throws Exception {
    Result result = java("notify-test");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .as("the shaded jar merges every module's META-INF/services")
        .contains("no notifier is configured (found jira, log, slack, webhook)");
  }
}
