package io.inspectr.registry;

import io.inspectr.core.image.Digest;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.AvailableImageData;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.ManifestDigest;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.core.spi.RepositoryTags;
import io.inspectr.registry.internal.Credential;
import io.inspectr.registry.internal.CredentialResolver;
import io.inspectr.registry.internal.Deadline;
import io.inspectr.registry.internal.HttpResult;
import io.inspectr.registry.internal.Keyring;
import io.inspectr.registry.internal.RegistryClient;
import io.inspectr.registry.internal.RegistryErrors;
import io.inspectr.registry.internal.RegistryRuntime;
import io.inspectr.registry.internal.SingleFlightCache;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AvailableImageData} for an OCI distribution registry of one {@link RegistryFlavor}.
 *
 * <p>Each lookup is made once per repository (and credential) within the cache TTL; concurrent
 * callers for the same repository share one in-flight listing. Requests are bounded per host and
 * overall, retried on 429/503 (after {@code Retry-After}), 5xx and I/O errors without blocking a
 * thread while waiting, and a lookup never takes longer than {@code lookup-timeout}; what it has
 * not sent by then (e.g. a request still waiting for its host's slot) is never sent.
 *
 * <p>Thread-safe. {@link #close()} releases connections and threads when this instance owns them
 * (made by {@link OciRegistryProvider#create} on its own, not through a {@link RegistryRouter}).
 *
 * @since 0.1
 */
public final class OciAvailableImageData implements AvailableImageData, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OciAvailableImageData.class);

  private final String providerId;
  private final RegistryRuntime runtime;
  private final boolean ownsRuntime;
  private final RegistryClient client;
  private final CredentialResolver credentials;
  private final Duration lookupTimeout;
  private final Clock clock;
  private final SingleFlightCache<Key, RepositoryTags> tagCache;
  private final SingleFlightCache<Key, ManifestDigest> digestCache;
  private final SingleFlightCache<Key, List<Digest>> childCache;
  private final AtomicReference<@Nullable RateLimitStatus> rateLimit = new AtomicReference<>();

  OciAvailableImageData(
      String providerId,
      RegistryFlavor flavor,
      int pageSize,
      RegistrySettings settings,
      RegistryRuntime runtime,
      boolean ownsRuntime) {
    this.providerId = providerId;
    this.runtime = runtime;
    this.ownsRuntime = ownsRuntime;
    this.clock = runtime.exchange().clock();
    this.lookupTimeout = settings.lookupTimeout();
    this.client =
        new RegistryClient(
            runtime.authenticator(),
            runtime.exchange().hosts(),
            flavor::apiAuthority,
            pageSize,
            flavor.readsUploadTimes(),
            this::observe);
    Map<String, Credential> configured = new LinkedHashMap<>();
    for (StaticCredential c : settings.credentials()) {
      configured.putIfAbsent(c.registry(), Credential.basic(c.username(), c.password()));
    }
    this.credentials = new CredentialResolver(new Keyring(configured), runtime.dockerConfig());
    Duration ttl = settings.cacheTtl();
    this.tagCache = new SingleFlightCache<>(clock, v -> clock.instant().plus(ttl));
    this.digestCache = new SingleFlightCache<>(clock, v -> clock.instant().plus(ttl));
    this.childCache = new SingleFlightCache<>(clock, v -> clock.instant().plus(ttl));
  }

  /**
   * Lists every tag, following the registry's pages to the end.
   *
   * @throws RegistryAccessException (one of its subclasses) when the registry cannot answer
   */
  @Override
  public RepositoryTags tags(Repository repository, LookupCredentials lookup)
      throws RegistryAccessException {
    return lookup(
        "list the tags",
        repository,
        "",
        lookup,
        tagCache,
        (credential, deadline) -> client.tags(repository, credential, deadline));
  }

  /**
   * Reads what a tag points to with a manifest HEAD (no pull on Docker Hub).
   *
   * @throws RegistryAccessException (one of its subclasses) when the registry cannot answer
   */
  @Override
  public ManifestDigest digest(Repository repository, String tag, LookupCredentials lookup)
      throws RegistryAccessException {
    return lookup(
        "read the digest of tag " + tag,
        repository,
        tag,
        lookup,
        digestCache,
        (credential, deadline) -> client.digest(repository, tag, credential, deadline));
  }

  /**
   * Reads the per-platform manifests of an index.
   *
   * @throws RegistryAccessException (one of its subclasses) when the registry cannot answer
   */
  @Override
  public List<Digest> childDigests(Repository repository, Digest index, LookupCredentials lookup)
      throws RegistryAccessException {
    return lookup(
        "read the manifests of index " + index,
        repository,
        index.toString(),
        lookup,
        childCache,
        (credential, deadline) -> client.children(repository, index, credential, deadline));
  }

  /**
   * One lookup: the credential found, then the cached value, the load in flight or a new load
   * bounded by the lookup timeout, translated into the core exceptions.
   */
  private <T> T lookup(
      String action,
      Repository repository,
      String reference,
      LookupCredentials lookup,
      SingleFlightCache<Key, T> cache,
      Load<T> load)
      throws RegistryAccessException {
    Optional<Credential> credential = credentials.find(repository, lookup);
    Credential found = credential.orElse(null);
    CompletableFuture<T> result =
        cache.get(
            new Key(repository, reference, found),
            () -> {
              Deadline deadline = Deadline.after(clock, lookupTimeout);
              CompletableFuture<T> loading =
                  load.start(found, deadline)
                      .orTimeout(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS);
              // Once the lookup is over (a timeout above included), none of its requests that
              // still wait for a slot is sent.
              loading.whenComplete((value, error) -> deadline.abandon());
              return loading;
            });
    return await(action, repository, credential, result);
  }

  /** Starts one registry call. */
  @FunctionalInterface
  private interface Load<T> {
    CompletableFuture<T> start(@Nullable Credential credential, Deadline deadline);
  }

  /**
   * The id of the provider that made this instance, e.g. {@code dockerhub}.
   *
   * @return never {@code null}
   */
  public String providerId() {
    return providerId;
  }

  /**
   * The pull quota the registry last reported ({@code RateLimit-*} headers; Docker Hub sends them).
   *
   * @return empty when no response carried them
   */
  public Optional<RateLimitStatus> rateLimit() {
    return Optional.ofNullable(rateLimit.get());
  }

  /** Releases connections and threads if this instance owns them. */
  @Override
  public void close() {
    if (ownsRuntime) {
      runtime.close();
    }
  }

  private <T> T await(
      String action,
      Repository repository,
      Optional<Credential> credential,
      CompletableFuture<T> result)
      throws RegistryAccessException {
    try {
      return result.get(lookupTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw RegistryErrors.fromFailure(action, repository, e, credential.isPresent(), clock);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryAccessException(action, repository, "the lookup was interrupted", true, e);
    } catch (RuntimeException e) {
      throw RegistryErrors.fromFailure(action, repository, e, credential.isPresent(), clock);
    }
  }

  private void observe(HttpResult response) {
    Optional<String> limit = response.header("RateLimit-Limit");
    Optional<String> remaining = response.header("RateLimit-Remaining");
    if (limit.isEmpty() || remaining.isEmpty()) {
      return;
    }
    try {
      RateLimitStatus status =
          new RateLimitStatus(
              io.inspectr.registry.internal.Hosts.authority(response.uri()),
              Long.parseLong(limit.get().split(";")[0].strip()),
              Long.parseLong(remaining.get().split(";")[0].strip()),
              window(limit.get()),
              clock.instant());
      rateLimit.set(status);
      LOG.debug("{} pull quota: {} of {} left", status.host(), status.remaining(), status.limit());
    } catch (NumberFormatException e) {
      LOG.debug("Unreadable RateLimit headers from {}", response.uri().getHost());
    }
  }

  private static Duration window(String header) {
    for (String part : header.split(";")) {
      String p = part.strip();
      if (p.startsWith("w=")) {
        return Duration.ofSeconds(Long.parseLong(p.substring(2).strip()));
      }
    }
    return Duration.ZERO;
  }

  /** One lookup: the repository, the tag or digest (empty for a listing) and the credential. */
  private record Key(Repository repository, String reference, @Nullable Credential credential) {}
}
