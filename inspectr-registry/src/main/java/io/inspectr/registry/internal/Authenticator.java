package io.inspectr.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inspectr.core.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends registry requests with the right {@code Authorization}, learning from {@code
 * WWW-Authenticate} challenges: a Bearer challenge gets a token from the realm it names ({@code GET
 * realm?service=..&scope=..}, Basic credentials to the token service when there are some), cached
 * per realm, service, scope and credential until it expires; a Basic challenge gets the credential
 * itself. What a host asked for is remembered, so later requests to it authenticate at once instead
 * of collecting a 401 first.
 *
 * <p>Credentials and tokens go only to the registry host they were looked up for (and a token
 * service that host names): a request to any other host or scheme, e.g. a {@code Link} to another
 * host, is sent without {@code Authorization}. A 401 from another host that a redirect led to is
 * returned as it is: its challenge is neither answered nor remembered as the registry's, so the
 * registry's credentials never reach a realm another host names. Thread-safe.
 */
public final class Authenticator {
  /** A token's lifetime when the token service does not say ({@code expires_in}). */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);

  /** A token is renewed this long before it expires, so it does not expire in flight. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

  private final Exchange exchange;
  private final SingleFlightCache<TokenKey, Token> tokens;
  private final ConcurrentHashMap<String, Challenge> challenges = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CompletableFuture<Void>> probes =
      new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong tokenRequests =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * Creates the authenticator.
   *
   * @param exchange sends requests
   */
  public Authenticator(Exchange exchange) {
    this.exchange = exchange;
    this.tokens = new SingleFlightCache<>(exchange.clock(), Token::renewAt);
  }

  /**
   * Who the request is for.
   *
   * @param authority the registry API host, {@code host[:port]}
   * @param credential the credential found for it, or {@code null}
   * @param scope the token scope the request needs, e.g. {@code repository:org/app:pull}
   */
  public record Target(String authority, @Nullable Credential credential, String scope) {}

  /**
   * How many token requests were sent so far (for benchmarks and tests).
   *
   * @return the count
   */
  public long tokenRequests() {
    return tokenRequests.get();
  }

  /**
   * Sends a request, authenticating as the registry asks.
   *
   * @param call the request, without {@code Authorization}
   * @param target the registry, credential and scope
   * @param deadline when the lookup gives up
   * @return the final response; a 401 or 403 when access was refused. Fails with {@link
   *     CallFailure} when the token service refused or failed.
   */
  public CompletableFuture<HttpResult> send(HttpCall call, Target target, Deadline deadline) {
    HttpCall bare = call.withHeader(HttpCall.AUTHORIZATION, null);
    if (!isTarget(call.uri(), target)) {
      return exchange.send(bare, deadline);
    }
    // The first request to a host finds out what it asks for; concurrent first requests wait for
    // that answer instead of each collecting a 401 of their own.
    CompletableFuture<Void> probe = new CompletableFuture<>();
    CompletableFuture<Void> first = probes.putIfAbsent(target.authority(), probe);
    if (first != null) {
      return first.thenCompose(x -> sendKnowing(bare, target, deadline, null));
    }
    return sendKnowing(bare, target, deadline, probe).whenComplete((r, e) -> probe.complete(null));
  }

  private CompletableFuture<HttpResult> sendKnowing(
      HttpCall bare, Target target, Deadline deadline, @Nullable CompletableFuture<Void> probe) {
    Challenge known = challenges.get(target.authority());
    return authorization(known, target, deadline, false)
        .thenCompose(
            header ->
                exchange
                    .send(bare.withHeader(HttpCall.AUTHORIZATION, header), deadline)
                    .thenCompose(
                        r -> {
                          // A 401 from where a redirect led (another host or scheme) speaks for
                          // that host: its challenge is neither remembered for the registry nor
                          // answered with the registry's credentials.
                          if (r.status() != 401 || !isTarget(r.uri(), target)) {
                            complete(probe);
                            return CompletableFuture.completedFuture(r);
                          }
                          learn(target.authority(), r);
                          complete(probe);
                          return answer(bare, target, r, header, deadline);
                        }));
  }

  /** Whether a URI has the registry's scheme and authority: only then do credentials go along. */
  private boolean isTarget(URI uri, Target target) {
    return Exchange.sameOrigin(uri, exchange.hosts().base(target.authority()));
  }

  private static void complete(@Nullable CompletableFuture<Void> probe) {
    if (probe != null) {
      probe.complete(null);
    }
  }

  /** Remembers the challenge a host sent: Bearer preferred over Basic. */
  private Optional<Challenge> learn(String authority, HttpResult refused) {
    List<Challenge> offered = WwwAuthenticate.parse(refused.headerValues("WWW-Authenticate"));
    Optional<Challenge> chosen =
        offered.stream()
            .filter(Challenge::isBearer)
            .findFirst()
            .or(() -> offered.stream().filter(Challenge::isBasic).findFirst());
    chosen.ifPresent(c -> challenges.put(authority, c));
    return chosen;
  }

  /** One more try after a 401, with what its challenge asks for. */
  private CompletableFuture<HttpResult> answer(
      HttpCall call, Target target, HttpResult refused, @Nullable String sent, Deadline deadline) {
    Optional<Challenge> chosen = learn(target.authority(), refused);
    Credential credential = target.credential();
    if (chosen.isEmpty()) {
      // No challenge: try Basic once if there is a credential (Jib does the same).
      if (credential == null || sent != null) {
        return CompletableFuture.completedFuture(refused);
      }
      return exchange.send(
          call.withHeader(HttpCall.AUTHORIZATION, credential.authorization()), deadline);
    }
    Challenge challenge = chosen.get();
    if (challenge.isBasic() && (credential == null || credential.authorization().equals(sent))) {
      return CompletableFuture.completedFuture(refused);
    }
    return authorization(challenge, target, deadline, true)
        .thenCompose(
            header ->
                header == null || header.equals(sent)
                    ? CompletableFuture.completedFuture(refused)
                    : exchange.send(call.withHeader(HttpCall.AUTHORIZATION, header), deadline));
  }

  /** The header for a host's challenge, or {@code null} to send none. */
  private CompletableFuture<@Nullable String> authorization(
      @Nullable Challenge challenge, Target target, Deadline deadline, boolean renew) {
    Credential credential = target.credential();
    if (credential != null && credential.isBearer()) {
      return CompletableFuture.completedFuture(credential.authorization());
    }
    if (challenge == null) {
      return CompletableFuture.completedFuture(null);
    }
    if (challenge.isBasic()) {
      return CompletableFuture.completedFuture(
          credential == null ? null : credential.authorization());
    }
    Optional<String> realm = challenge.param("realm");
    if (!challenge.isBearer() || realm.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    // The registry's own scope wins: it may ask for more than the default (e.g. a mirror path).
    String scope = renew ? challenge.param("scope").orElse(target.scope()) : target.scope();
    TokenKey key =
        new TokenKey(
            realm.get(), challenge.param("service").orElse(target.authority()), scope, credential);
    if (renew) {
      tokens.invalidate(key);
    }
    return tokens
        // Other lookups may wait for this token too: one lookup giving up must not cancel it.
        .get(key, () -> fetch(key, deadline.detached()))
        .thenApply(t -> "Bearer " + t.value().reveal());
  }

  private CompletableFuture<Token> fetch(TokenKey key, Deadline deadline) {
    URI realm;
    try {
      realm = URI.create(key.realm());
      if (realm.getHost() == null) {
        throw new IllegalArgumentException("not absolute");
      }
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new CallFailure("the registry named a token realm that is not a URL", null, e));
    }
    String query =
        "service="
            + URLEncoder.encode(key.service(), StandardCharsets.UTF_8)
            + "&scope="
            + URLEncoder.encode(key.scope(), StandardCharsets.UTF_8);
    String base = realm.toString();
    URI uri = URI.create(base + (realm.getRawQuery() == null ? "?" : "&") + query);
    HttpCall call = HttpCall.get(uri);
    if (key.credential() != null) {
      call = call.withHeader(HttpCall.AUTHORIZATION, key.credential().authorization());
    }
    tokenRequests.incrementAndGet();
    String who = "the token service at " + Hosts.authority(uri);
    LOG.debug("Requesting a token from {} for {}", Hosts.authority(uri), key.scope());
    Instant asked = exchange.clock().instant();
    return exchange
        .send(call, deadline)
        .thenApply(
            r -> {
              if (!r.isSuccess()) {
                throw new CallFailure(who, r, null);
              }
              return parse(r, who, asked);
            });
  }

  private static Token parse(HttpResult r, String who, Instant asked) {
    JsonNode json;
    try {
      json = Json.tree(r.body());
    } catch (IOException e) {
      throw new CallFailure(who + " sent a response that is not JSON", null, null);
    }
    String token = json.path("token").asText("");
    if (token.isEmpty()) {
      token = json.path("access_token").asText("");
    }
    if (token.isEmpty()) {
      throw new CallFailure(who + " sent neither token nor access_token", null, null);
    }
    long seconds = json.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TOKEN_LIFETIME;
    Instant issued = asked;
    String issuedAt = json.path("issued_at").asText("");
    if (!issuedAt.isEmpty()) {
      try {
        Instant stated = OffsetDateTime.parse(issuedAt).toInstant();
        // A token service with a clock ahead of ours must not make tokens live longer here.
        issued = stated.isBefore(asked) ? stated : asked;
      } catch (DateTimeParseException e) {
        // Count from the request, as the spec says for a missing issued_at.
      }
    }
    return new Token(Secret.of(token), issued.plus(lifetime).minus(EXPIRY_MARGIN));
  }

  /** What a token is cached by; the credential's string form is masked. */
  record TokenKey(String realm, String service, String scope, @Nullable Credential credential) {}

  /** A token and when to renew it. */
  record Token(Secret value, Instant renewAt) {}
}
