package io.inspectr.notify.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 and a free port, answering every request with a function and
 * recording it. Stops when closed. Thread-safe.
 */
public class FakeHttpServer implements AutoCloseable {
  static {
    // Without it the JDK server's Nagle delay adds about 40 ms to every answer.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final Function<RecordedRequest, FakeResponse> handler;

  /**
   * Starts a server.
   *
   * @param handler answers each request
   */
  public FakeHttpServer(Function<RecordedRequest, FakeResponse> handler) {
    this.handler = handler;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      URI uri = exchange.getRequestURI();
      RecordedRequest request =
          new RecordedRequest(
              exchange.getRequestMethod(),
              uri.getPath(),
              uri.getRawQuery() == null ? "" : uri.getRawQuery(),
              headers,
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      synchronized (requests) {
        requests.add(request);
      }
      FakeResponse response;
      try {
        response = handler.apply(request);
      } catch (RuntimeException e) {
        response = FakeResponse.of(500, "fake server failed: " + e);
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:41234}.
   *
   * @return never {@code null}
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Every request so far, in order.
   *
   * @return a copy
   */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
