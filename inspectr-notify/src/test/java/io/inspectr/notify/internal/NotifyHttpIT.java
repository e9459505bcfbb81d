package io.inspectr.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.inspectr.core.config.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An oversize answer is cut at {@link NotifyHttp#MAX_BODY_BYTES} and its connection dropped: the
 * server counts what it managed to write before the client hung up, far less than the body.
 */
class NotifyHttpIT {
  /** Far more than the socket buffers of both ends hold. */
  private static final long BODY_BYTES = 128L * 1024 * 1024;

  private HttpServer server;
  private ExecutorService threads;
  private final AtomicLong written = new AtomicLong();
  private final CountDownLatch hugeDone = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    threads = Executors.newFixedThreadPool(2);
    server.setExecutor(threads);
    server.createContext("/", this::serve);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (!exchange.getRequestURI().getPath().equals("/huge")) {
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
        return;
      }
      try {
        exchange.sendResponseHeaders(200, BODY_BYTES);
        OutputStream out = exchange.getResponseBody();
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'x');
        while (written.get() < BODY_BYTES) {
          out.write(block);
          written.addAndGet(block.length);
        }
        out.close();
      } catch (IOException e) {
        // The client hung up, as it should.
      } finally {
        hugeDone.countDown();
      }
    }
  }

  private HttpCall call(String path) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
    return HttpCall.postJson(Secret.of(url), Map.of(), "{}", "post to " + path);
  }

  @Test
  void anOversizeBodyIsCutAndItsConnectionDroppedInsteadOfDownloaded() throws Exception {
    HttpAnswer huge;
    HttpAnswer next;
    try (NotifyHttp http =
        new NotifyHttp(Duration.ofSeconds(5), Duration.ofSeconds(20), Clock.systemUTC())) {
      huge = http.exchange(call("/huge"));
      next = http.exchange(call("/small"));
    }

    assertThat(huge.status()).isEqualTo(200);
    assertThat(huge.body()).hasSize(NotifyHttp.MAX_BODY_BYTES);
    assertThat(next.body()).as("the client still works").isEqualTo("ok");
    assertThat(hugeDone.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(written.get()).as("bytes the server could write").isLessThan(BODY_BYTES / 4);
  }
}
