package io.inspectr.app.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal anonymous OCI registry on loopback for the app's end-to-end tests: tag lists and
 * manifest digests of repositories the test declares, 404 {@code NAME_UNKNOWN} for the rest. It
 * records every request line.
 */
public final class TinyRegistry implements AutoCloseable {
  private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

  private final HttpServer server;
  private final Map<String, List<String>> tags = new ConcurrentHashMap<>();
  private final Map<String, String> digests = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private TinyRegistry(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
  }

  /** Starts a registry on 127.0.0.1 and a free port. */
  public static TinyRegistry start() throws IOException {
    TinyRegistry registry =
        new TinyRegistry(
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16));
    registry.server.start();
    return registry;
  }

  /** {@code 127.0.0.1:<port>}, the registry part of image references. */
  public String authority() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Declares the tags of a repository path such as {@code library/nginx}. */
  public TinyRegistry withTags(String path, String... list) {
    tags.put(path, List.of(list));
    return this;
  }

  /** Declares what a tag points to now. */
  public TinyRegistry withDigest(String path, String tag, String digest) {
    digests.put(path + ":" + tag, digest);
    return this;
  }

  /** Every request so far, as {@code METHOD /path}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path);
    if (path.equals("/v2/") || path.equals("/v2")) {
      answer(exchange, 200, Map.of(), "{}");
      return;
    }
    if (path.startsWith("/v2/") && path.endsWith("/tags/list")) {
      String repository = path.substring(4, path.length() - "/tags/list".length());
      List<String> list = tags.get(repository);
      if (list != null) {
        String json =
            "{\"name\":\"" + repository + "\",\"tags\":[\"" + String.join("\",\"", list) + "\"]}";
        answer(exchange, 200, Map.of("Content-Type", "application/json"), json);
        return;
      }
    }
    int manifests = path.indexOf("/manifests/");
    if (path.startsWith("/v2/") && manifests > 0) {
      String key = path.substring(4, manifests) + ":" + path.substring(manifests + 11);
      String digest = digests.get(key);
      if (digest != null) {
        answer(
            exchange,
            200,
            Map.of("Docker-Content-Digest", digest, "Content-Type", MANIFEST_TYPE),
            "");
        return;
      }
    }
    answer(
        exchange,
        404,
        Map.of("Content-Type", "application/json"),
        "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}");
  }

  private static void answer(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
