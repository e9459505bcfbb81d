package io.inspectr.k8s.fake;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes API server for tests, on a JDK {@link HttpServer} bound to loopback, speaking the
 * wire format the official client expects: paged lists ({@code limit}/{@code continue}, expired
 * tokens answered with {@code 410}), watches streamed as newline-delimited JSON with {@code ADDED},
 * {@code MODIFIED}, {@code DELETED}, {@code BOOKMARK} and {@code ERROR} events (field selectors
 * honoured, objects leaving the selection sent as {@code DELETED}), and CRUD with resource versions
 * and {@code 409 Conflict}. Pods, ConfigMaps, Secrets, ServiceAccounts, Leases, ReplicaSets,
 * Deployments, StatefulSets, DaemonSets, Jobs and CronJobs are served.
 *
 * <p>Tests change state with {@link #apply}/{@link #remove} (as controllers would) and inject
 * faults: {@link #expireContinueTokens()}, {@link #expireWatches()}, {@link #failNext}, {@link
 * #failAlways}, {@link #beforeNext}. Thread-safe. Stops on {@link #close()}.
 */
public final class FakeApiServer implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> daemon(r));
  private final AtomicLong version = new AtomicLong(1000);
  private final Map<String, NavigableMap<String, JsonObject>> store = new HashMap<>();
  final List<Event> events = new ArrayList<>();
  final List<WatchStream> watchers = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private long compactedBelow;
  private long tokenEpoch;
  private @Nullable GeneratedPods generated;

  /** A change, as watches replay it. */
  record Event(
      long rv, String resource, String type, @Nullable JsonObject before, JsonObject after) {}

  private record Fault(
      String method, String pathPart, int status, @Nullable Runnable action, boolean always) {}

  private record GeneratedPods(int count, IntFunction<String> json) {}

  static {
    // Without it, small responses wait for the peer's delayed ACK (Nagle): about 40 ms each.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeApiServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @return the running server
   * @throws IOException when no port can be bound
   */
  public static FakeApiServer start() throws IOException {
    return new FakeApiServer();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** A client for this server, built as production code builds them (no read timeout). */
  public ApiClient client() {
    return new ClientBuilder().setBasePath(url()).build();
  }

  // ---------------------------------------------------------------- state

  /**
   * Creates or replaces an object as a controller would, bumping its resource version and telling
   * watches.
   *
   * @param resource e.g. {@code pods}
   * @param json the object; its metadata names namespace and name
   * @return the stored object
   */
  public JsonObject apply(String resource, String json) {
    JsonObject object = JsonParser.parseString(json).getAsJsonObject();
    JsonObject meta = object.getAsJsonObject("metadata");
    String namespace = meta.has("namespace") ? meta.get("namespace").getAsString() : null;
    String name = meta.get("name").getAsString();
    synchronized (this) {
      JsonObject before = objects(resource).get(key(namespace, name));
      return write(resource, key(namespace, name), before, object);
    }
  }

  /**
   * Deletes an object and tells watches.
   *
   * @param resource e.g. {@code pods}
   * @param namespace the namespace
   * @param name the name
   * @return whether it existed
   */
  public synchronized boolean remove(String resource, String namespace, String name) {
    JsonObject before = objects(resource).remove(key(namespace, name));
    if (before == null) {
      return false;
    }
    JsonObject after = before.deepCopy();
    long rv = version.incrementAndGet();
    after.getAsJsonObject("metadata").addProperty("resourceVersion", Long.toString(rv));
    record(new Event(rv, resource, "DELETED", before, after));
    return true;
  }

  /**
   * An object as stored.
   *
   * @param resource e.g. {@code configmaps}
   * @param namespace the namespace
   * @param name the name
   * @return a copy, or empty when absent
   */
  public synchronized Optional<JsonObject> get(String resource, String namespace, String name) {
    JsonObject o = objects(resource).get(key(namespace, name));
    return o == null ? Optional.empty() : Optional.of(o.deepCopy());
  }

  /**
   * Serves {@code count} pods made on demand by {@code json} instead of stored ones: for
   * benchmarks, so that the server holds no pods itself. Watches of pods then only stay open.
   *
   * @param count how many pods
   * @param json makes pod {@code i}'s JSON
   */
  public synchronized void generatePods(int count, IntFunction<String> json) {
    generated = new GeneratedPods(count, json);
  }

  // ---------------------------------------------------------------- faults

  /** Expires every continue token handed out so far: the next page request gets {@code 410}. */
  public synchronized void expireContinueTokens() {
    tokenEpoch = version.get() + 1;
  }

  /**
   * Compacts the history: open watches get an {@code ERROR} event with {@code 410 Expired} and end,
   * and watches from an older resource version are refused the same way.
   */
  public synchronized void expireWatches() {
    compactedBelow = version.get() + 1;
    events.clear();
    for (WatchStream w : watchers) {
      w.expire();
    }
  }

  /** Ends every open watch cleanly, as the server does at {@code timeoutSeconds}. */
  public void endWatches() {
    for (WatchStream w : watchers) {
      w.end();
    }
  }

  /** Sends a {@code BOOKMARK} with the current resource version to every open watch that asked. */
  public synchronized void sendBookmarks() {
    for (WatchStream w : watchers) {
      w.bookmark(version.get());
    }
  }

  /**
   * Answers the next {@code times} requests whose method and path match with {@code status}.
   *
   * @param method e.g. {@code GET}
   * @param pathPart a part of the path and query, e.g. {@code watch=true}
   * @param status e.g. {@code 503}
   * @param times how many requests
   */
  public void failNext(String method, String pathPart, int status, int times) {
    for (int i = 0; i < times; i++) {
      faults.add(new Fault(method, pathPart, status, null, false));
    }
  }

  /**
   * Answers every request from now on whose method and path match with {@code status}, as a missing
   * RBAC grant does.
   *
   * @param method e.g. {@code GET}
   * @param pathPart a part of the path and query, e.g. {@code /replicasets/}
   * @param status e.g. {@code 403}
   */
  public void failAlways(String method, String pathPart, int status) {
    faults.add(new Fault(method, pathPart, status, null, true));
  }

  /**
   * Runs {@code action} before the next matching request is handled, e.g. a concurrent writer.
   *
   * @param method e.g. {@code PUT}
   * @param pathPart a part of the path
   * @param action what to do
   */
  public void beforeNext(String method, String pathPart, Runnable action) {
    faults.add(new Fault(method, pathPart, 0, action, false));
  }

  /**
   * How many requests matched.
   *
   * @param method e.g. {@code GET}
   * @param parts parts that must all appear in the path and query
   * @return the count
   */
  public int requests(String method, String... parts) {
    int n = 0;
    for (String r : requests) {
      if (r.startsWith(method + " ") && List.of(parts).stream().allMatch(r::contains)) {
        n++;
      }
    }
    return n;
  }

  /** Every request so far, as {@code METHOD path?query}. */
  public List<String> requestLog() {
    return List.copyOf(requests);
  }

  /** The current resource version. */
  public long resourceVersion() {
    return version.get();
  }

  /** How many watches are open now. */
  public int openWatches() {
    return watchers.size();
  }

  @Override
  public void close() {
    for (WatchStream w : watchers) {
      w.end();
    }
    http.stop(0);
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------- HTTP

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String raw = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      String line = method + " " + raw + (query == null ? "" : "?" + query);
      requests.add(line);
      for (Fault f : faults) {
        if (f.method.equals(method)
            && line.contains(f.pathPart)
            && (f.always || faults.remove(f))) {
          if (f.action != null) {
            f.action.run();
          } else {
            sendStatus(exchange, f.status, "InternalError", "injected failure");
            return;
          }
        }
      }
      ResourcePath path = ResourcePath.parse(raw);
      if (path == null) {
        sendStatus(exchange, 404, "NotFound", "the server could not find the requested resource");
        return;
      }
      Map<String, String> params = query(query);
      switch (method) {
        case "GET":
          if (path.name() != null) {
            read(exchange, path);
          } else if ("true".equals(params.get("watch")) || "1".equals(params.get("watch"))) {
            watch(exchange, path, params);
          } else {
            list(exchange, path, params);
          }
          break;
        case "POST":
          create(exchange, path);
          break;
        case "PUT":
          replace(exchange, path);
          break;
        case "DELETE":
          delete(exchange, path);
          break;
        default:
          sendStatus(exchange, 405, "MethodNotAllowed", method + " is not supported");
      }
    } catch (RuntimeException e) {
      sendStatus(exchange, 500, "InternalError", e.toString());
    } finally {
      exchange.close();
    }
  }

  private void read(HttpExchange exchange, ResourcePath path) throws IOException {
    Optional<JsonObject> found = get(path.resource(), path.namespace(), path.name());
    if (found.isEmpty()) {
      notFound(exchange, path);
      return;
    }
    send(exchange, 200, found.get().toString());
  }

  private void create(HttpExchange exchange, ResourcePath path) throws IOException {
    JsonObject body = body(exchange);
    JsonObject meta = body.getAsJsonObject("metadata");
    String name = meta.get("name").getAsString();
    String key = key(path.namespace(), name);
    JsonObject stored;
    synchronized (this) {
      if (objects(path.resource()).containsKey(key)) {
        sendStatus(
            exchange, 409, "AlreadyExists", path.resource() + " \"" + name + "\" already exists");
        return;
      }
      if (path.namespace() != null) {
        meta.addProperty("namespace", path.namespace());
      }
      meta.addProperty("uid", UUID.randomUUID().toString());
      meta.addProperty("creationTimestamp", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"));
      body.addProperty("kind", path.kind());
      body.addProperty("apiVersion", path.apiVersion());
      stored = write(path.resource(), key, null, body);
    }
    send(exchange, 201, stored.toString());
  }

  private void replace(HttpExchange exchange, ResourcePath path) throws IOException {
    JsonObject body = body(exchange);
    JsonObject meta = body.getAsJsonObject("metadata");
    String sent = meta.has("resourceVersion") ? meta.get("resourceVersion").getAsString() : "";
    JsonObject stored;
    synchronized (this) {
      JsonObject current = objects(path.resource()).get(path.key());
      if (current == null) {
        notFound(exchange, path);
        return;
      }
      if (sent.isEmpty()) {
        sendStatus(
            exchange,
            422,
            "Invalid",
            path.resource()
                + " \""
                + path.name()
                + "\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
        return;
      }
      JsonObject currentMeta = current.getAsJsonObject("metadata");
      if (!sent.equals(currentMeta.get("resourceVersion").getAsString())) {
        sendStatus(
            exchange,
            409,
            "Conflict",
            "Operation cannot be fulfilled on "
                + path.resource()
                + " \""
                + path.name()
                + "\": the object has been modified; please apply your changes to the latest version and try again");
        return;
      }
      meta.add("uid", currentMeta.get("uid"));
      if (currentMeta.has("creationTimestamp")) {
        meta.add("creationTimestamp", currentMeta.get("creationTimestamp"));
      }
      body.addProperty("kind", path.kind());
      body.addProperty("apiVersion", path.apiVersion());
      stored = write(path.resource(), path.key(), current, body);
    }
    send(exchange, 200, stored.toString());
  }

  private void delete(HttpExchange exchange, ResourcePath path) throws IOException {
    Optional<JsonObject> found = get(path.resource(), path.namespace(), path.name());
    if (found.isEmpty() || !remove(path.resource(), path.namespace(), path.name())) {
      notFound(exchange, path);
      return;
    }
    send(exchange, 200, found.get().toString());
  }

  private void list(HttpExchange exchange, ResourcePath path, Map<String, String> params)
      throws IOException {
    Selector selector = new Selector(params.get("fieldSelector"));
    int limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : 0;
    String token = params.get("continue");
    String listVersion;
    String after = null;
    if (token != null && !token.isEmpty()) {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
      synchronized (this) {
        if (Long.parseLong(parts[0]) < tokenEpoch) {
          sendStatus(
              exchange,
              410,
              "Expired",
              "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
          return;
        }
      }
      listVersion = parts[1];
      after = parts[2];
    } else {
      listVersion = Long.toString(version.get());
    }
    GeneratedPods gen;
    synchronized (this) {
      gen = path.resource().equals("pods") ? generated : null;
    }
    if (gen != null) {
      GeneratedPodLists.send(
          exchange, gen.count, gen.json, limit, after, listVersion, tokenEpochNow());
      return;
    }
    List<String> keys = new ArrayList<>();
    List<JsonObject> items = new ArrayList<>();
    synchronized (this) {
      NavigableMap<String, JsonObject> all = objects(path.resource());
      NavigableMap<String, JsonObject> from = after == null ? all : all.tailMap(after, false);
      for (Map.Entry<String, JsonObject> e : from.entrySet()) {
        if (!inNamespace(e.getValue(), path.namespace()) || !selector.matches(e.getValue())) {
          continue;
        }
        if (limit > 0 && items.size() == limit) {
          break;
        }
        keys.add(e.getKey());
        items.add(e.getValue());
      }
    }
    boolean more = false;
    if (limit > 0 && items.size() == limit) {
      synchronized (this) {
        String last = keys.get(keys.size() - 1);
        for (JsonObject o : objects(path.resource()).tailMap(last, false).values()) {
          if (inNamespace(o, path.namespace()) && selector.matches(o)) {
            more = true;
            break;
          }
        }
      }
    }
    StringBuilder out = new StringBuilder(items.size() * 2048 + 256);
    out.append("{\"kind\":\"")
        .append(path.kind())
        .append("List\",\"apiVersion\":\"")
        .append(path.apiVersion())
        .append("\",\"metadata\":{\"resourceVersion\":\"")
        .append(listVersion)
        .append('"');
    if (more) {
      out.append(",\"continue\":\"")
          .append(token(tokenEpochNow(), listVersion, keys.get(keys.size() - 1)))
          .append('"');
    }
    out.append("},\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ",").append(items.get(i));
    }
    out.append("]}");
    send(exchange, 200, out.toString());
  }

  private void watch(HttpExchange exchange, ResourcePath path, Map<String, String> params)
      throws IOException {
    new WatchStream(this, exchange, path, params).run();
  }

  // ---------------------------------------------------------------- internals

  synchronized long compactedBelow() {
    return compactedBelow;
  }

  synchronized boolean generating(String resource) {
    return generated != null && resource.equals("pods");
  }

  synchronized List<JsonObject> current(String resource) {
    return new ArrayList<>(objects(resource).values());
  }

  private synchronized long tokenEpochNow() {
    return Math.max(tokenEpoch, version.get());
  }

  static String token(long epoch, String listVersion, String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (epoch + "|" + listVersion + "|" + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  private JsonObject write(
      String resource, String key, @Nullable JsonObject before, JsonObject object) {
    long rv = version.incrementAndGet();
    JsonObject meta = object.getAsJsonObject("metadata");
    meta.addProperty("resourceVersion", Long.toString(rv));
    if (!meta.has("uid")) {
      meta.addProperty("uid", UUID.randomUUID().toString());
    }
    objects(resource).put(key, object);
    record(new Event(rv, resource, before == null ? "ADDED" : "MODIFIED", before, object));
    return object.deepCopy();
  }

  private void record(Event event) {
    events.add(event);
    for (WatchStream w : watchers) {
      w.offer(event);
    }
  }

  private NavigableMap<String, JsonObject> objects(String resource) {
    return store.computeIfAbsent(resource, r -> new TreeMap<>());
  }

  static boolean inNamespace(JsonObject object, @Nullable String namespace) {
    if (namespace == null) {
      return true;
    }
    JsonObject meta = object.getAsJsonObject("metadata");
    return meta.has("namespace") && namespace.equals(meta.get("namespace").getAsString());
  }

  static String key(@Nullable String namespace, @Nullable String name) {
    return (namespace == null ? "" : namespace) + "/" + name;
  }

  private static JsonObject body(HttpExchange exchange) throws IOException {
    return JsonParser.parseString(
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  private static Map<String, String> query(@Nullable String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static void notFound(HttpExchange exchange, ResourcePath path) throws IOException {
    sendStatus(exchange, 404, "NotFound", path.resource() + " \"" + path.name() + "\" not found");
  }

  static String status(int code, String reason, String message) {
    JsonObject s = new JsonObject();
    s.addProperty("kind", "Status");
    s.addProperty("apiVersion", "v1");
    s.add("metadata", new JsonObject());
    s.addProperty("status", "Failure");
    s.addProperty("message", message);
    s.addProperty("reason", reason);
    s.addProperty("code", code);
    return s.toString();
  }

  static void sendStatus(HttpExchange exchange, int code, String reason, String message)
      throws IOException {
    send(exchange, code, status(code, reason, message));
  }

  static void send(HttpExchange exchange, int code, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fake-apiserver");
    t.setDaemon(true);
    return t;
  }
}
