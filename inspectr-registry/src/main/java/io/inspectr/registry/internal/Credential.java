package io.inspectr.registry.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to authenticate to one registry with: a user name and password (sent as Basic, to the
 * registry or its token service) or a ready Bearer token (a docker config {@code registrytoken}).
 * Its string form never shows the password or token.
 */
public final class Credential {
  private final @Nullable String username;
  private final Secret secret;
  private final boolean bearer;

  private Credential(@Nullable String username, Secret secret, boolean bearer) {
    this.username = username;
    this.secret = secret;
    this.bearer = bearer;
  }

  /**
   * A user name and password.
   *
   * @param username the user name
   * @param password the password or access token
   * @return the credential
   */
  public static Credential basic(String username, Secret password) {
    return new Credential(requireNonNull(username, "username"), password, false);
  }

  /**
   * A token to send as {@code Bearer} as it is.
   *
   * @param token the token
   * @return the credential
   */
  public static Credential bearer(Secret token) {
    return new Credential(null, requireNonNull(token, "token"), true);
  }

  /**
   * Whether this is a ready Bearer token rather than a user and password.
   *
   * @return {@code true} for a token
   */
  public boolean isBearer() {
    return bearer;
  }

  /**
   * The {@code Authorization} value: {@code Basic base64(user:password)} or {@code Bearer token}.
   *
   * @return never {@code null}; never log it
   */
  public String authorization() {
    if (bearer) {
      return "Bearer " + secret.reveal();
    }
    String pair = username + ":" + secret.reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credential that
        && bearer == that.bearer
        && Objects.equals(username, that.username)
        && secret.equals(that.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, secret, bearer);
  }

  /** The kind and user name only. */
  @Override
  public String toString() {
    return bearer ? "Credential[bearer token]" : "Credential[user " + username + "]";
  }
}
