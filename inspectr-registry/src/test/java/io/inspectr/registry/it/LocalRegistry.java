package io.inspectr.registry.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real distribution registry ({@code /usr/bin/docker-registry serve}) on 127.0.0.1 with a port
 * the kernel picks, its own config file and temporary storage; never the package's default config,
 * which listens on every interface. Stopped (and its files removed) by {@link #close()}, or when
 * the JVM exits.
 */
final class LocalRegistry implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final Process process;
  private final String authority;
  private final Thread reaper;

  private LocalRegistry(Path dir, Process process, String authority, Thread reaper) {
    this.dir = dir;
    this.process = process;
    this.authority = authority;
    this.reaper = reaper;
  }

  /** No authentication. */
  static LocalRegistry anonymous() throws Exception {
    return start("");
  }

  /** htpasswd (bcrypt, made by {@code htpasswd -B}) with one user. */
  static LocalRegistry htpasswd(String user, String password) throws Exception {
    Path htpasswd = Binaries.require(Binaries.HTPASSWD, "apache2-utils");
    Process p =
        new ProcessBuilder(htpasswd.toString(), "-Bbn", user, password)
            .redirectErrorStream(true)
            .start();
    String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0 || !line.startsWith(user + ":$2")) {
      throw new AssertionError("htpasswd -B did not make a bcrypt entry: " + line);
    }
    Path file = Files.createTempFile("inspectr-htpasswd", "");
    Files.writeString(file, line + "\n");
    file.toFile().deleteOnExit();
    return start("auth:\n  htpasswd:\n    realm: inspectr-test\n    path: " + file + "\n");
  }

  /** Token auth against a token server the test runs. */
  static LocalRegistry token(TokenServer tokens) throws Exception {
    return start(
        "auth:\n  token:\n    realm: "
            + tokens.realm()
            + "\n    service: "
            + TokenServer.SERVICE
            + "\n    issuer: "
            + TokenServer.ISSUER
            + "\n    rootcertbundle: "
            + tokens.certificateFile()
            + "\n");
  }

  private static LocalRegistry start(String auth) throws Exception {
    Path binary = Binaries.require(Binaries.REGISTRY, "docker-registry");
    Path dir = Files.createTempDirectory("inspectr-registry-it");
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        "version: 0.1\n"
            + "log:\n  level: info\n  accesslog:\n    disabled: true\n"
            + "storage:\n  filesystem:\n    rootdirectory: "
            + dir.resolve("store")
            + "\n"
            + "  delete:\n    enabled: true\n"
            + "http:\n  addr: 127.0.0.1:0\n"
            + auth);
    Path log = dir.resolve("registry.log");
    Process process =
        new ProcessBuilder(binary.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Thread reaper = new Thread(process::destroyForcibly, "stop-docker-registry");
    Runtime.getRuntime().addShutdownHook(reaper);
    try {
      String authority = awaitListening(process, log);
      awaitReady(authority);
      return new LocalRegistry(dir, process, authority, reaper);
    } catch (Exception | AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static String awaitListening(Process process, Path log) throws Exception {
    Instant until = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(until)) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      Matcher m = LISTENING.matcher(text);
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "docker-registry exited with " + process.exitValue() + ":\n" + text);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("docker-registry did not start within " + START_TIMEOUT);
  }

  private static void awaitReady(String authority) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Instant until = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(until)) {
      try {
        int status =
            client
                .send(
                    HttpRequest.newBuilder(URI.create("http://" + authority + "/v2/")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("docker-registry on " + authority + " did not answer /v2/");
  }

  /** {@code 127.0.0.1:port}. */
  String authority() {
    return authority;
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Runtime.getRuntime().removeShutdownHook(reaper);
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }
}
