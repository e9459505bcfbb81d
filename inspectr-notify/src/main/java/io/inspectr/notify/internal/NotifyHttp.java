package io.inspectr.notify.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of one notifier: HttpClient 5 with connect and response timeouts, and without its
 * automatic retries (the default client re-sends a POST on 429/503 and sleeps on the calling
 * thread), redirects (which could carry credentials to another host) and cookies. Honours the JVM's
 * proxy properties. A body longer than {@link #MAX_BODY_BYTES} is cut there and its connection
 * dropped, instead of being downloaded to its end. Thread-safe.
 */
public final class NotifyHttp implements AutoCloseable {
  /** The most of a response body that is read; receivers answer briefly. */
  public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final CloseableHttpClient client;
  private final Clock clock;

  /**
   * Creates the client.
   *
   * @param connectTimeout how long to wait for a connection
   * @param responseTimeout how long to wait for data once connected
   * @param clock to turn a {@code Retry-After} date into a wait
   */
  public NotifyHttp(Duration connectTimeout, Duration responseTimeout, Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    Timeout connect = Timeout.of(connectTimeout);
    Timeout response = Timeout.of(responseTimeout);
    this.client =
        HttpClients.custom()
            .useSystemProperties()
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent(UserAgent.VALUE)
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(connect)
                            .setSocketTimeout(response)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(connect)
                    .setResponseTimeout(response)
                    .build())
            .build();
  }

  /**
   * Sends one request and reads the answer, whatever its status.
   *
   * @param call the request
   * @return the answer
   * @throws IOException when no answer came (connection refused, timeout, TLS failure); the message
   *     may name the host, never the path
   */
  public HttpAnswer exchange(HttpCall call) throws IOException {
    URI uri = URI.create(call.uri().reveal());
    HttpUriRequestBase request = new HttpUriRequestBase(call.method(), uri);
    request.addHeader("Accept", "application/json, text/plain;q=0.9, */*;q=0.5");
    for (Map.Entry<String, io.inspectr.core.config.Secret> header : call.headers().entrySet()) {
      request.addHeader(header.getKey(), header.getValue().reveal());
    }
    byte[] body = call.body();
    if (body != null) {
      request.setEntity(
          new ByteArrayEntity(
              body, ContentType.create(call.contentType(), StandardCharsets.UTF_8)));
    }
    ClassicHttpResponse response = client.executeOpen(HttpHost.create(uri), request, null);
    HttpAnswer answer;
    boolean whole;
    try {
      Header retryAfter = response.getFirstHeader("Retry-After");
      byte[] text = new byte[0];
      HttpEntity entity = response.getEntity();
      InputStream in = entity == null ? null : entity.getContent();
      if (in != null) {
        text = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      whole = text.length <= MAX_BODY_BYTES;
      if (whole && in != null) {
        in.close();
      }
      answer =
          new HttpAnswer(
              response.getCode(),
              new String(text, 0, Math.min(text.length, MAX_BODY_BYTES), StandardCharsets.UTF_8),
              RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), clock.instant())
                  .orElse(null));
    } catch (IOException | RuntimeException e) {
      abort(request, response);
      throw e;
    }
    if (whole) {
      response.close();
    } else {
      // Not closing normally: that would download the rest of an oversize (or endless) body to
      // reuse the connection. The answer keeps the first MAX_BODY_BYTES.
      abort(request, response);
    }
    return answer;
  }

  /** Drops the connection at once, without reading on. */
  private static void abort(HttpUriRequestBase request, ClassicHttpResponse response) {
    if (response instanceof ModalCloseable closeable) {
      closeable.close(CloseMode.IMMEDIATE);
    } else {
      request.cancel();
    }
  }

  /** Closes the connections. */
  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Nothing to do: the connections are gone either way.
    }
  }
}
