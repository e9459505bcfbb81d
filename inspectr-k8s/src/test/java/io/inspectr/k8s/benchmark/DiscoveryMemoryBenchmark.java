package io.inspectr.k8s.benchmark;

import io.inspectr.k8s.KubernetesSettings;
import io.inspectr.k8s.KubernetesSource;
import io.inspectr.k8s.fake.FakeApiServer;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Locale;

/**
 * Retained heap of the discovery cache for N realistic pods served by the fake API server, next to
 * a plain {@code V1Pod} informer over the same pods, measured after full GCs in the same JVM. Not a
 * test: run it by hand (see {@code docs/PERFORMANCE.md}).
 *
 * <pre>
 * DiscoveryMemoryBenchmark [slim|informer|both] [pods]
 * </pre>
 *
 * <p>{@code slim} alone is what must fit in 256 MB; {@code both} needs a heap large enough for the
 * informer's unpaged list of full pods.
 */
public final class DiscoveryMemoryBenchmark {
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(10);

  private DiscoveryMemoryBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args mode ({@code slim}, {@code informer}, {@code both}; default both) and pod count
   *     (default 50000)
   * @throws Exception when the fake server or a sync fails
   */
  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "both";
    int pods = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    GeneratedCluster cluster = new GeneratedCluster();
    System.out.printf(
        Locale.ROOT,
        "pods=%d, pod JSON=%d bytes, max heap=%d MB%n",
        pods,
        cluster.pod(0).length(),
        Runtime.getRuntime().maxMemory() >> 20);
    try (FakeApiServer server = FakeApiServer.start()) {
      cluster.addOwners(server, pods);
      server.generatePods(pods, cluster::pod);
      warmUp(server.client());
      long slim = 0;
      long informer = 0;
      if (!mode.equals("informer")) {
        slim = measureSlim(server.client(), pods);
      }
      if (!mode.equals("slim")) {
        informer = measureInformer(server.client(), pods);
      }
      if (slim > 0 && informer > 0) {
        System.out.printf(
            Locale.ROOT, "slim / V1Pod informer = %.1f %%%n", 100.0 * slim / informer);
      }
    }
  }

  /**
   * Loads and initialises the client's classes (OkHttp, the Gson model adapters) before anything is
   * measured: both caches use them, and whichever ran first would otherwise pay for them.
   */
  private static void warmUp(ApiClient client) {
    try {
      new CoreV1Api(client).readNamespacedConfigMap("warm-up", "default").execute();
    } catch (io.kubernetes.client.openapi.ApiException expected) {
      // 404: the request and the JSON machinery ran, which is all that was wanted.
    }
  }

  private static long measureSlim(ApiClient client, int pods) throws Exception {
    long before = usedAfterGc();
    long start = System.nanoTime();
    KubernetesSource source =
        KubernetesSource.create(
            client, "bench", KubernetesSettings.builder().resync(Duration.ZERO).build());
    source.start();
    if (!source.awaitSynced(SYNC_TIMEOUT)) {
      throw new IllegalStateException("The slim source did not sync");
    }
    long syncMillis = (System.nanoTime() - start) / 1_000_000;
    long retained = usedAfterGc() - before;
    int containers = source.snapshot().size();
    report("slim discovery cache", pods, source.podCount(), containers, retained, syncMillis);
    System.out.printf(Locale.ROOT, "  owner lookups: %d%n", source.ownerLookups());
    holdForInspection();
    Reference.reachabilityFence(source);
    source.close();
    return retained;
  }

  private static long measureInformer(ApiClient client, int pods) throws Exception {
    long before = usedAfterGc();
    long start = System.nanoTime();
    CoreV1Api core = new CoreV1Api(client);
    SharedInformerFactory factory = new SharedInformerFactory(client);
    SharedIndexInformer<V1Pod> informer =
        factory.sharedIndexInformerFor(
            params ->
                core.listPodForAllNamespaces()
                    .resourceVersion(params.resourceVersion)
                    .timeoutSeconds(params.timeoutSeconds)
                    .watch(params.watch)
                    .buildCall(null),
            V1Pod.class,
            V1PodList.class);
    factory.startAllRegisteredInformers();
    long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
    while (!informer.hasSynced()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The V1Pod informer did not sync");
      }
      Thread.sleep(100);
    }
    long syncMillis = (System.nanoTime() - start) / 1_000_000;
    long retained = usedAfterGc() - before;
    int cached = informer.getIndexer().list().size();
    report("plain V1Pod informer", pods, cached, -1, retained, syncMillis);
    holdForInspection();
    Reference.reachabilityFence(informer);
    factory.stopAllRegisteredInformers();
    return retained;
  }

  /**
   * With {@code -Dbenchmark.hold=60}, waits that many seconds so that jmap can look at the heap.
   */
  private static void holdForInspection() throws InterruptedException {
    long seconds = Long.getLong("benchmark.hold", 0);
    if (seconds > 0) {
      System.out.printf(
          Locale.ROOT,
          "  holding %d s for jmap -histo:live %d%n",
          seconds,
          ProcessHandle.current().pid());
      Thread.sleep(seconds * 1000);
    }
  }

  private static void report(
      String what, int pods, int cached, int containers, long retained, long syncMillis) {
    if (cached != pods) {
      throw new IllegalStateException(what + " holds " + cached + " pods, expected " + pods);
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d pods%s, retained %.1f MB (%d bytes a pod), synced in %d ms%n",
        what,
        cached,
        containers < 0 ? "" : ", " + containers + " containers",
        retained / 1048576.0,
        retained / pods,
        syncMillis);
  }

  private static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
