package io.inspectr.registry.internal;

import io.inspectr.registry.RegistrySettings;
import java.time.Clock;

/**
 * What every registry provider of one configuration shares: the HTTP transport and its threads, the
 * per-host limits, the token cache and what each host asked for, the clock, and the docker {@code
 * config.json} credentials (read again when the file changes). Sharing it keeps {@code
 * max-concurrency} a bound over all registries. Thread-safe; close it once when done.
 */
public final class RegistryRuntime implements AutoCloseable {
  private final RegistrySettings settings;
  private final HttpTransport transport;
  private final Exchange exchange;
  private final Authenticator authenticator;
  private final DockerConfigFile dockerConfig;

  private RegistryRuntime(
      RegistrySettings settings, HttpTransport transport, Clock clock, Delayer delayer) {
    this.settings = settings;
    this.transport = transport;
    Hosts hosts = new Hosts(settings.insecureRegistries());
    this.exchange =
        new Exchange(
            transport,
            new HostLimiter(settings.maxConcurrencyPerHost()),
            hosts,
            delayer,
            clock,
            settings.retryAfterCap());
    this.authenticator = new Authenticator(exchange);
    this.dockerConfig = new DockerConfigFile(settings.dockerConfig(), clock);
  }

  /**
   * The runtime of production: HttpClient 5, the system clock, the JDK's timer.
   *
   * @param settings the settings
   * @return the runtime
   * @throws IllegalArgumentException when the CA bundle cannot be read
   */
  public static RegistryRuntime create(RegistrySettings settings) {
    return create(settings, Clock.systemUTC(), Delayer.TIMER);
  }

  /**
   * A runtime with another clock and timer, for tests.
   *
   * @param settings the settings
   * @param clock the current time
   * @param delayer schedules retry waits
   * @return the runtime
   * @throws IllegalArgumentException when the CA bundle cannot be read
   */
  public static RegistryRuntime create(RegistrySettings settings, Clock clock, Delayer delayer) {
    HttpTransport transport =
        new ApacheHttpTransport(
            TrustedCertificates.context(settings.caBundlePath()),
            settings.connectTimeout(),
            settings.readTimeout(),
            settings.maxConcurrency(),
            settings.maxConcurrencyPerHost(),
            settings.maxResponseBytes());
    return new RegistryRuntime(settings, transport, clock, delayer);
  }

  /**
   * The settings it was made from.
   *
   * @return never {@code null}
   */
  public RegistrySettings settings() {
    return settings;
  }

  /**
   * The exchange (limits, retries, redirects).
   *
   * @return never {@code null}
   */
  public Exchange exchange() {
    return exchange;
  }

  /**
   * The authenticator (challenges, tokens).
   *
   * @return never {@code null}
   */
  public Authenticator authenticator() {
    return authenticator;
  }

  /**
   * The credentials of the docker {@code config.json}, read again when the file changes.
   *
   * @return never {@code null}
   */
  public DockerConfigFile dockerConfig() {
    return dockerConfig;
  }

  @Override
  public void close() {
    transport.close();
  }
}
