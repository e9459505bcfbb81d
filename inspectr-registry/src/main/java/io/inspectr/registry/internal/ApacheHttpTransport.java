package io.inspectr.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link HttpTransport} over the classic HttpClient 5 on a bounded pool of daemon threads (the
 * overall concurrency). The client's own retries and redirects are off: HttpClient's default
 * strategy would sleep on the calling thread for {@code Retry-After} and follow redirects with the
 * {@code Authorization} header; {@link Exchange} does both itself.
 *
 * <p>A body larger than the cap is not read on: the connection is dropped at once (HttpCore's
 * normal close would download the rest to reuse the connection), so neither the thread nor the
 * host's slot waits for an oversize or endless body.
 */
public final class ApacheHttpTransport implements HttpTransport {
  private final CloseableHttpClient client;
  private final ThreadPoolExecutor executor;
  private final long maxBodyBytes;

  /**
   * Creates the transport.
   *
   * @param tls trusted certificates
   * @param connectTimeout TCP and TLS connect timeout
   * @param readTimeout socket read timeout
   * @param maxConcurrency threads and connections overall
   * @param maxPerHost connections per host
   * @param maxBodyBytes the cap on a response body
   */
  public ApacheHttpTransport(
      SSLContext tls,
      Duration connectTimeout,
      Duration readTimeout,
      int maxConcurrency,
      int maxPerHost,
      long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(readTimeout))
                    .build())
            .setMaxConnTotal(maxConcurrency)
            .setMaxConnPerRoute(maxPerHost)
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
            .build();
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            maxConcurrency,
            maxConcurrency,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "inspectr-registry-http-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call, Deadline deadline) {
    return CompletableFuture.supplyAsync(
        () -> {
          // More hosts than threads: a request may have waited here past its deadline.
          if (deadline.isOver()) {
            throw new CompletionException(Deadline.notSent(call));
          }
          return execute(call);
        },
        executor);
  }

  private HttpResult execute(HttpCall call) {
    HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
    call.headers().forEach(request::addHeader);
    try {
      ClassicHttpResponse response = client.executeOpen(HttpHost.create(call.uri()), request, null);
      HttpResult result;
      try {
        result = read(call, response);
      } catch (IOException | RuntimeException e) {
        abort(request, response);
        throw e;
      }
      response.close();
      return result;
    } catch (IOException e) {
      throw new CompletionException(e);
    } catch (UncheckedIOException e) {
      throw new CompletionException(e.getCause());
    }
  }

  /**
   * Drops the connection without reading on. A normal close would read the rest of the body so the
   * connection can be reused: all of an oversize body, forever for an endless one.
   */
  private static void abort(HttpUriRequestBase request, ClassicHttpResponse response) {
    if (response instanceof ModalCloseable closeable) {
      closeable.close(CloseMode.IMMEDIATE);
    } else {
      request.cancel();
    }
  }

  private HttpResult read(HttpCall call, ClassicHttpResponse response) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
    }
    byte[] body = new byte[0];
    HttpEntity entity = response.getEntity();
    if (entity != null) {
      if (entity.getContentLength() > maxBodyBytes) {
        throw new ResponseTooLargeException(call, maxBodyBytes);
      }
      InputStream in = entity.getContent();
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) {
        // Not closing the stream: that would drain the rest. The caller drops the connection.
        throw new ResponseTooLargeException(call, maxBodyBytes);
      }
      in.close();
    }
    return new HttpResult(response.getCode(), URI.create(call.uri().toString()), headers, body);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    client.close(CloseMode.IMMEDIATE);
  }
}
