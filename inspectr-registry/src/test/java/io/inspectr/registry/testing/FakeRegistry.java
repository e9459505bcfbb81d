package io.inspectr.registry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An HTTP server on 127.0.0.1 that answers with handlers the test registers (first match wins),
 * records every request, and can add latency to each answer. Unmatched requests get 404. Stops on
 * {@link #close()}.
 */
public final class FakeRegistry implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK add about 40 ms to every answer.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeRegistry(int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /**
   * Starts a server with 16 threads.
   *
   * @return the running server
   * @throws IOException when it cannot bind
   */
  public static FakeRegistry start() throws IOException {
    return new FakeRegistry(16);
  }

  /**
   * Starts a server with enough threads for a load test.
   *
   * @param threads handler threads
   * @return the running server
   * @throws IOException when it cannot bind
   */
  public static FakeRegistry start(int threads) throws IOException {
    return new FakeRegistry(threads);
  }

  /**
   * {@code 127.0.0.1:port}.
   *
   * @return the authority
   */
  public String authority() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * An absolute URL on this server.
   *
   * @param pathAndQuery e.g. {@code /token}
   * @return the URL
   */
  public String url(String pathAndQuery) {
    return "http://" + authority() + pathAndQuery;
  }

  /**
   * Adds a handler for requests that match.
   *
   * @param matches which requests
   * @param handler the answer
   * @return this
   */
  public FakeRegistry on(Predicate<Request> matches, Function<Request, Response> handler) {
    routes.add(new Route(matches, handler));
    return this;
  }

  /**
   * Adds a handler for a method and a path (without query).
   *
   * @param method e.g. {@code GET}
   * @param path e.g. {@code /v2/org/app/tags/list}
   * @param handler the answer
   * @return this
   */
  public FakeRegistry on(String method, String path, Function<Request, Response> handler) {
    return on(r -> r.method().equals(method) && r.uri().getPath().equals(path), handler);
  }

  /**
   * Delays every answer.
   *
   * @param latency how long
   */
  public void latency(Duration latency) {
    this.latency = latency;
  }

  /**
   * Every request so far.
   *
   * @return a copy
   */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /**
   * How many requests matched.
   *
   * @param which which requests
   * @return the count
   */
  public long count(Predicate<Request> which) {
    return requests.stream().filter(which).count();
  }

  /**
   * The most requests that were being answered at one time.
   *
   * @return the count
   */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void serve(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    boolean counted = true;
    try {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(), headers);
      requests.add(request);
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      Response response =
          routes.stream()
              .filter(r -> r.matches().test(request))
              .findFirst()
              .map(r -> r.handler().apply(request))
              .orElse(Response.json(404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}"));
      // Counted out before answering: once the client has the answer, it may send the next one.
      inFlight.decrementAndGet();
      counted = false;
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      boolean head = request.method().equals("HEAD");
      byte[] body = response.body();
      if (response.declaredLength() >= 0) {
        exchange.sendResponseHeaders(response.status(), response.declaredLength());
      } else {
        exchange.sendResponseHeaders(
            response.status(), head || body.length == 0 ? -1 : body.length);
      }
      if (!head && body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away (e.g. it stopped reading an oversize body).
    } finally {
      if (counted) {
        inFlight.decrementAndGet();
      }
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private record Route(Predicate<Request> matches, Function<Request, Response> handler) {}

  /**
   * A recorded request.
   *
   * @param method the method
   * @param uri the request URI (path and query)
   * @param headers by lowercase name
   */
  public record Request(String method, URI uri, Map<String, List<String>> headers) {
    /**
     * The first value of a header.
     *
     * @param name any case
     * @return empty when absent
     */
    public Optional<String> header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * A query parameter.
     *
     * @param name the name
     * @return every value
     */
    public List<String> query(String name) {
      List<String> values = new ArrayList<>();
      String q = uri.getRawQuery();
      if (q == null) {
        return values;
      }
      for (String p : q.split("&")) {
        String[] kv = p.split("=", 2);
        if (kv[0].equals(name)) {
          values.add(
              java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
      }
      return values;
    }
  }

  /**
   * An answer.
   *
   * @param status the status
   * @param headers response headers
   * @param body the body
   * @param declaredLength a Content-Length to declare instead of the body's, or -1
   */
  public record Response(
      int status, Map<String, String> headers, byte[] body, long declaredLength) {
    /**
     * A JSON answer.
     *
     * @param status the status
     * @param json the body
     * @return the response
     */
    public static Response json(int status, String json) {
      return new Response(
          status,
          Map.of("Content-Type", "application/json"),
          json.getBytes(StandardCharsets.UTF_8),
          -1);
    }

    /**
     * An empty answer.
     *
     * @param status the status
     * @return the response
     */
    public static Response empty(int status) {
      return new Response(status, Map.of(), new byte[0], -1);
    }

    /**
     * The same answer with one more header.
     *
     * @param name header name
     * @param value header value
     * @return a copy
     */
    public Response with(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Response(status, h, body, declaredLength);
    }
  }
}
