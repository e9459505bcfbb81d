package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link PodCache} in step with the API server for one scope (all namespaces, or one): a
 * paged list ({@code limit}/{@code continue}, restarted when a continue token expires), then a
 * watch from the list's resource version with bookmarks, renewed when the server ends it; a {@code
 * 410 Gone} relists, any other failure waits with backoff and resumes from the last resource
 * version seen. A periodic full relist (the resync) heals anything missed.
 *
 * <p>Runs on its own daemon thread from {@link #start()} to {@link #close()}.
 */
public final class PodReflector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PodReflector.class);

  /** How often a list restarts after expired continue tokens before it waits with backoff. */
  static final int MAX_LIST_RESTARTS = 3;

  private static final Duration READ_TIMEOUT_MARGIN = Duration.ofMinutes(1);

  /** A watch that ends empty sooner than this counts as a failure. */
  private static final long QUICK_END_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final CoreV1Api core;
  private final OkHttpClient watchHttp;
  private final @Nullable String namespace;
  private final String fieldSelector;
  private final Timings timings;
  private final PodJsonDecoder decoder;
  private final PodCache cache;
  private final Clock clock;
  private final Runnable onFirstSync;
  private final String description;
  private final CountDownLatch synced = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicInteger lists = new AtomicInteger();
  private final AtomicInteger watches = new AtomicInteger();
  private final Thread thread;
  private volatile boolean closed;
  private volatile @Nullable Call current;
  private volatile Runnable afterPage = () -> {};
  private @Nullable String resourceVersion;

  /**
   * The timings of the loop.
   *
   * @param pageSize pods per list request
   * @param watchTimeout how long one watch may stay open
   * @param resync how often to relist everything; zero for never
   * @param backoffInitial the first wait after a failure
   * @param backoffMax the longest wait
   */
  public record Timings(
      int pageSize,
      Duration watchTimeout,
      Duration resync,
      Duration backoffInitial,
      Duration backoffMax) {
    /** Checks the parts. */
    public Timings {
      requireNonNull(watchTimeout, "watchTimeout");
      requireNonNull(resync, "resync");
      requireNonNull(backoffInitial, "backoffInitial");
      requireNonNull(backoffMax, "backoffMax");
    }
  }

  /**
   * Creates a reflector; nothing happens until {@link #start()}.
   *
   * @param client the cluster's client
   * @param cluster the cluster name, for logs and the thread name
   * @param namespace the one namespace to watch, or {@code null} for all
   * @param fieldSelector server-side filter, e.g. {@code status.phase!=Succeeded}; may be empty
   * @param timings the loop's timings
   * @param decoder reads pods
   * @param cache where pods go
   * @param clock decides when a resync is due
   * @param onFirstSync called once, after the first complete list
   */
  public PodReflector(
      ApiClient client,
      String cluster,
      @Nullable String namespace,
      String fieldSelector,
      Timings timings,
      PodJsonDecoder decoder,
      PodCache cache,
      Clock clock,
      Runnable onFirstSync) {
    this.core = new CoreV1Api(client);
    this.timings = requireNonNull(timings, "timings");
    // Watches must not time out on the client side: the server ends them at timeoutSeconds. A
    // margin above that still catches a connection that died silently.
    this.watchHttp =
        client
            .getHttpClient()
            .newBuilder()
            .readTimeout(timings.watchTimeout().plus(READ_TIMEOUT_MARGIN))
            .build();
    this.namespace = namespace;
    this.fieldSelector = requireNonNull(fieldSelector, "fieldSelector");
    this.decoder = requireNonNull(decoder, "decoder");
    this.cache = requireNonNull(cache, "cache");
    this.clock = requireNonNull(clock, "clock");
    this.onFirstSync = requireNonNull(onFirstSync, "onFirstSync");
    this.description =
        "the pods of "
            + (namespace == null ? "all namespaces" : "namespace " + namespace)
            + " in cluster "
            + cluster;
    this.thread =
        new Thread(
            this::loop, "inspectr-k8s-" + cluster + (namespace == null ? "" : "-" + namespace));
    this.thread.setDaemon(true);
  }

  /** Starts the list/watch loop. */
  public void start() {
    thread.start();
  }

  /**
   * Waits for the first complete list.
   *
   * @param timeout how long to wait
   * @return {@code true} when synced
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return synced.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the first complete list is in.
   *
   * @return {@code true} after it
   */
  public boolean hasSynced() {
    return synced.getCount() == 0;
  }

  /**
   * How many complete lists were made (the first one, relists after 410, resyncs).
   *
   * @return the count
   */
  public int lists() {
    return lists.get();
  }

  /**
   * How many watches were opened.
   *
   * @return the count
   */
  public int watches() {
    return watches.get();
  }

  /**
   * Runs {@code hook} on the reflector's thread after each page of a list has been read, before the
   * next one is asked for: tests close the reflector there, in the middle of a list.
   *
   * @param hook never {@code null}
   */
  void afterEachPage(Runnable hook) {
    afterPage = requireNonNull(hook, "hook");
  }

  /**
   * Whether {@link #close()} was called.
   *
   * @return {@code true} from the start of {@link #close()}
   */
  boolean isClosed() {
    return closed;
  }

  /** Stops the loop and waits briefly for its thread. */
  @Override
  public void close() {
    closed = true;
    stopped.countDown();
    Call call = current;
    if (call != null) {
      call.cancel();
    }
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    Backoff backoff = new Backoff(timings.backoffInitial(), timings.backoffMax(), Math::random);
    Instant nextResync = null;
    while (!closed) {
      try {
        if (resourceVersion == null) {
          String listed = listAll();
          if (listed == null) {
            break; // closed in the middle of the list
          }
          resourceVersion = listed;
          lists.incrementAndGet();
          nextResync = timings.resync().isZero() ? null : clock.instant().plus(timings.resync());
          if (synced.getCount() > 0) {
            synced.countDown();
            onFirstSync.run();
          }
          backoff.reset();
        }
        Duration watchFor = timings.watchTimeout();
        if (nextResync != null) {
          Duration untilResync = Duration.between(clock.instant(), nextResync);
          if (untilResync.getSeconds() < 1) {
            LOG.debug("Resync: listing {} again", description);
            resourceVersion = null;
            continue;
          }
          watchFor = untilResync.compareTo(watchFor) < 0 ? untilResync : watchFor;
        }
        watch(watchFor, backoff);
      } catch (ApiStatusException e) {
        if (closed) {
          break;
        }
        if (e.gone()) {
          LOG.info("The watch of {} expired ({}); listing again", description, e.status());
          resourceVersion = null;
          if (backoff.failures() > 0) {
            pause(backoff.next());
          } else {
            backoff.next();
          }
        } else {
          LOG.warn("{}; retrying", e.getMessage());
          pause(backoff.next());
        }
      } catch (IOException | ApiException | RuntimeException e) {
        if (closed) {
          break;
        }
        Duration wait = backoff.next();
        LOG.warn(
            "Tried to list or watch {} but failed because: {}; retrying in {} ms",
            description,
            e.toString(),
            wait.toMillis());
        pause(wait);
      }
    }
  }

  private void pause(Duration wait) {
    try {
      stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /**
   * Reads every page and replaces the cache's scope; returns the list's resource version, or {@code
   * null} when closed before the list was complete. A partial list must not replace the cache: the
   * pods of the pages never read would be reported removed.
   */
  private @Nullable String listAll() throws IOException, ApiException {
    Map<String, SlimPod> fresh = new LinkedHashMap<>();
    String token = null;
    String listVersion = "";
    int restarts = 0;
    while (true) {
      PodPage page;
      try {
        page = listPage(token);
      } catch (ApiStatusException e) {
        if (e.gone() && token != null && restarts < MAX_LIST_RESTARTS) {
          restarts++;
          LOG.info("The continue token for {} expired; listing from the start again", description);
          fresh.clear();
          token = null;
          continue;
        }
        throw e;
      }
      if (token == null) {
        listVersion = page.resourceVersion();
      }
      for (SlimPod pod : page.items()) {
        fresh.put(pod.key(), pod);
      }
      afterPage.run();
      if (closed) {
        return null;
      }
      token = page.continueToken();
      if (token == null) {
        break;
      }
    }
    Predicate<String> scope = namespace == null ? ns -> true : namespace::equals;
    cache.replace(fresh.values(), scope);
    return listVersion;
  }

  private PodPage listPage(@Nullable String token) throws IOException, ApiException {
    Call call =
        namespace == null
            ? core.listPodForAllNamespaces()
                .limit(timings.pageSize())
                ._continue(token)
                .fieldSelector(emptyToNull(fieldSelector))
                .buildCall(null)
            : core.listNamespacedPod(namespace)
                .limit(timings.pageSize())
                ._continue(token)
                .fieldSelector(emptyToNull(fieldSelector))
                .buildCall(null);
    current = call;
    try (Response response = call.execute()) {
      ResponseBody body = requireBody(response);
      if (!response.isSuccessful()) {
        throw new ApiStatusException(
            "list " + description, PodJsonDecoder.decodeStatus(body.string(), response.code()));
      }
      return decoder.decodeList(body.charStream());
    }
  }

  private void watch(Duration watchFor, Backoff backoff) throws IOException, ApiException {
    int timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, watchFor.getSeconds()));
    okhttp3.Request request =
        (namespace == null
                ? core.listPodForAllNamespaces()
                    .watch(true)
                    .allowWatchBookmarks(true)
                    .resourceVersion(resourceVersion)
                    .timeoutSeconds(timeoutSeconds)
                    .fieldSelector(emptyToNull(fieldSelector))
                    .buildCall(null)
                : core.listNamespacedPod(namespace)
                    .watch(true)
                    .allowWatchBookmarks(true)
                    .resourceVersion(resourceVersion)
                    .timeoutSeconds(timeoutSeconds)
                    .fieldSelector(emptyToNull(fieldSelector))
                    .buildCall(null))
            .request();
    Call call = watchHttp.newCall(request);
    current = call;
    if (closed) {
      return;
    }
    watches.incrementAndGet();
    long opened = System.nanoTime();
    boolean delivered = false;
    try (Response response = call.execute()) {
      ResponseBody body = requireBody(response);
      if (!response.isSuccessful()) {
        throw new ApiStatusException(
            "watch " + description, PodJsonDecoder.decodeStatus(body.string(), response.code()));
      }
      BufferedSource source = body.source();
      boolean first = true;
      String line;
      while (!closed && (line = source.readUtf8Line()) != null) {
        if (line.isBlank()) {
          continue;
        }
        apply(decoder.decodeEvent(line));
        delivered = true;
        if (first) {
          // A working stream, not only an accepted request, ends the backoff.
          backoff.reset();
          first = false;
        }
      }
    }
    if (!delivered && !closed && System.nanoTime() - opened < QUICK_END_NANOS) {
      // A server that ends every watch at once must not be asked again in a tight loop.
      pause(backoff.next());
    }
  }

  private void apply(WatchEvent event) throws ApiStatusException {
    SlimPod pod = event.pod();
    switch (event.type()) {
      case WatchEvent.ADDED:
      case WatchEvent.MODIFIED:
        if (pod != null) {
          cache.upsert(pod);
          advance(pod);
        }
        break;
      case WatchEvent.DELETED:
        if (pod != null) {
          cache.delete(pod.namespace(), pod.name());
          advance(pod);
        }
        break;
      case WatchEvent.BOOKMARK:
        if (pod != null) {
          advance(pod);
        }
        break;
      case WatchEvent.ERROR:
        ApiStatus status =
            event.status() == null ? new ApiStatus(500, "", "an ERROR event") : event.status();
        throw new ApiStatusException("watch " + description, status);
      default:
        LOG.debug("Ignoring a watch event of type {} for {}", event.type(), description);
    }
  }

  private void advance(SlimPod pod) {
    if (!pod.resourceVersion().isEmpty()) {
      resourceVersion = pod.resourceVersion();
    }
  }

  private static ResponseBody requireBody(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      throw new IOException("The API server sent no body (HTTP " + response.code() + ")");
    }
    return body;
  }

  private static @Nullable String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
