package io.inspectr.k8s.fake;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open watch: replays the events after the requested resource version, then streams new ones as
 * newline-delimited JSON until {@code timeoutSeconds}, an expiry or the server's end.
 */
final class WatchStream {
  private static final Object END = new Object();
  private static final Object EXPIRE = new Object();

  private record Bookmark(long rv) {}

  private final FakeApiServer server;
  private final HttpExchange exchange;
  private final ResourcePath path;
  private final Map<String, String> params;
  private final Selector selector;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

  WatchStream(
      FakeApiServer server, HttpExchange exchange, ResourcePath path, Map<String, String> params) {
    this.server = server;
    this.exchange = exchange;
    this.path = path;
    this.params = params;
    this.selector = new Selector(params.get("fieldSelector"));
  }

  void offer(FakeApiServer.Event event) {
    if (event.resource().equals(path.resource())) {
      queue.add(event);
    }
  }

  void expire() {
    queue.add(EXPIRE);
  }

  void end() {
    queue.add(END);
  }

  void bookmark(long rv) {
    queue.add(new Bookmark(rv));
  }

  void run() throws IOException {
    String from = params.getOrDefault("resourceVersion", "");
    boolean bookmarks = "true".equals(params.get("allowWatchBookmarks"));
    long timeoutMillis =
        TimeUnit.SECONDS.toMillis(Long.parseLong(params.getOrDefault("timeoutSeconds", "1800")));
    List<FakeApiServer.Event> backlog = new ArrayList<>();
    boolean expired = false;
    synchronized (server) {
      if (!from.isEmpty() && !from.equals("0")) {
        long since = Long.parseLong(from);
        if (since < server.compactedBelow()) {
          expired = true;
        } else {
          for (FakeApiServer.Event e : server.events) {
            if (e.rv() > since && e.resource().equals(path.resource())) {
              backlog.add(e);
            }
          }
        }
      } else if (!server.generating(path.resource())) {
        for (JsonObject o : server.current(path.resource())) {
          long rv =
              Long.parseLong(o.getAsJsonObject("metadata").get("resourceVersion").getAsString());
          backlog.add(new FakeApiServer.Event(rv, path.resource(), "ADDED", null, o));
        }
      }
      if (!expired) {
        server.watchers.add(this);
      }
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    try {
      if (expired) {
        writeExpired(out, from);
        return;
      }
      for (FakeApiServer.Event e : backlog) {
        write(out, e);
      }
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (true) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        Object next = queue.poll(left, TimeUnit.MILLISECONDS);
        if (next == null || next == END) {
          break;
        }
        if (next == EXPIRE) {
          writeExpired(out, from);
          break;
        }
        if (next instanceof Bookmark b) {
          if (bookmarks) {
            JsonObject object = new JsonObject();
            object.addProperty("kind", path.kind());
            object.addProperty("apiVersion", path.apiVersion());
            JsonObject meta = new JsonObject();
            meta.addProperty("resourceVersion", Long.toString(b.rv()));
            object.add("metadata", meta);
            line(out, "BOOKMARK", object);
          }
          continue;
        }
        write(out, (FakeApiServer.Event) next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away; nothing to tell it.
    } finally {
      server.watchers.remove(this);
      try {
        out.close();
      } catch (IOException e) {
        // The connection is already gone.
      }
    }
  }

  private void write(OutputStream out, FakeApiServer.Event e) throws IOException {
    boolean before =
        e.before() != null
            && FakeApiServer.inNamespace(e.before(), path.namespace())
            && selector.matches(e.before());
    boolean after =
        FakeApiServer.inNamespace(e.after(), path.namespace()) && selector.matches(e.after());
    switch (e.type()) {
      case "ADDED":
        if (after) {
          line(out, "ADDED", e.after());
        }
        break;
      case "MODIFIED":
        if (before && after) {
          line(out, "MODIFIED", e.after());
        } else if (after) {
          line(out, "ADDED", e.after());
        } else if (before) {
          // The object left the selection: a real API server reports it as deleted.
          line(out, "DELETED", e.after());
        }
        break;
      case "DELETED":
        if (before) {
          line(out, "DELETED", e.after());
        }
        break;
      default:
        throw new IllegalStateException(e.type());
    }
  }

  private void writeExpired(OutputStream out, String from) throws IOException {
    JsonObject status =
        com.google.gson.JsonParser.parseString(
                FakeApiServer.status(410, "Expired", "too old resource version: " + from))
            .getAsJsonObject();
    line(out, "ERROR", status);
  }

  private static void line(OutputStream out, String type, JsonObject object) throws IOException {
    JsonObject event = new JsonObject();
    event.addProperty("type", type);
    event.add("object", object);
    out.write((event + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
