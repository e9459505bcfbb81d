package io.inspectr.notify.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of one notifier: HttpClient 5 with connect and response timeouts, and without its
 * automatic retries (the default client re-sends a POST on 429/503 and sleeps on the calling
 * thread), redirects (which could carry credentials to another host) and cookies. Honours the JVM's
 * proxy properties. Thread-safe.
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
    ClassicRequestBuilder request =
        ClassicRequestBuilder.create(call.method()).setUri(URI.create(call.uri().reveal()));
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
    return client.execute(request.build(), this::read);
  }

  private HttpAnswer read(ClassicHttpResponse response) throws IOException {
    Header retryAfter = response.getFirstHeader("Retry-After");
    return new HttpAnswer(
        response.getCode(),
        text(response.getEntity()),
        RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), clock.instant())
            .orElse(null));
  }

  private static String text(HttpEntity entity) throws IOException {
    if (entity == null) {
      return "";
    }
    try (InputStream in = entity.getContent()) {
      return in == null ? "" : new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
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
