package io.inspectr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.internal.Delayer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An oversize body is cut off, not downloaded: the server counts what it managed to write before
 * the client hung up, and the one transport thread and host slot are free again afterwards.
 */
class ResponseCapTest {
  /** Far more than the socket buffers of both ends can hold. */
  private static final long BODY_BYTES = 128L * 1024 * 1024;

  private static final String HUGE = "/v2/team/huge/tags/list";

  private HttpServer server;
  private ExecutorService serverThreads;
  private Registries registries;
  private final AtomicLong written = new AtomicLong();
  private final CountDownLatch hugeDone = new CountDownLatch(1);
  private volatile boolean chunked;

  @BeforeEach
  void start() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    serverThreads = Executors.newFixedThreadPool(4);
    server.setExecutor(serverThreads);
    server.createContext("/", this::serve);
    server.start();
    registries = new Registries();
  }

  @AfterEach
  void stop() throws Exception {
    registries.close();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(HUGE)) {
        byte[] json = "{\"tags\":[\"1.0\"]}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, json.length);
        exchange.getResponseBody().write(json);
        return;
      }
      try {
        exchange.sendResponseHeaders(200, chunked ? 0 : BODY_BYTES);
        OutputStream out = exchange.getResponseBody();
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) ' ');
        while (written.get() < BODY_BYTES) {
          out.write(block);
          written.addAndGet(block.length);
        }
        out.close();
      } catch (IOException e) {
        // The client hung up: that is what the test wants.
      } finally {
        hugeDone.countDown();
      }
    }
  }

  @ParameterizedTest(name = "chunked={0}")
  @ValueSource(booleans = {false, true})
  void stopsReadingAnOversizeBodyAndFreesTheHost(boolean chunkedBody) throws Exception {
    chunked = chunkedBody;
    String authority = "127.0.0.1:" + server.getAddress().getPort();
    OciAvailableImageData data =
        registries.create(
            new GenericRegistryProvider(),
            Map.of(
                "insecure-registries", authority,
                "max-response-bytes", "2048",
                "max-concurrency", "1",
                "max-concurrency-per-host", "1"),
            Clock.systemUTC(),
            Delayer.TIMER);

    assertThatThrownBy(
            () -> data.tags(Repository.parse(authority + "/team/huge"), LookupCredentials.none()))
        .isInstanceOf(RegistryAccessException.class)
        .hasMessageContaining("larger than 2048 bytes");
    assertThat(hugeDone.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(written.get()).isLessThan(BODY_BYTES / 4);

    // The only transport thread and the host's only slot serve the next lookup.
    assertThat(
            data.tags(Repository.parse(authority + "/team/app"), LookupCredentials.none()).tags())
        .containsExactly("1.0");
  }
}
