package io.inspectr.notify.jira;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How inspectr signs in to JIRA: Basic with a user (Server/Data Center) or an email (Cloud) and a
 * password or API token, or Bearer with a Data Center personal access token. The string form names
 * the scheme and the user, never the secret. Immutable.
 *
 * @since 0.1
 */
public final class JiraCredentials {
  private final @Nullable String user;
  private final Secret secret;

  private JiraCredentials(@Nullable String user, Secret secret) {
    this.user = user;
    this.secret = requireNonNull(secret, "secret");
  }

  /**
   * Basic authentication: user and password (Server/Data Center) or email and API token (Cloud).
   *
   * @param user the user name or email
   * @param secret the password or API token
   * @return never {@code null}
   */
  public static JiraCredentials basic(String user, Secret secret) {
    return new JiraCredentials(requireNonNull(user, "user"), secret);
  }

  /**
   * Bearer authentication with a Data Center personal access token.
   *
   * @param token the token
   * @return never {@code null}
   */
  public static JiraCredentials bearer(Secret token) {
    return new JiraCredentials(null, token);
  }

  /**
   * Whether this is a personal access token, which Jira Cloud does not accept.
   *
   * @return {@code true} for Bearer
   */
  public boolean isBearer() {
    return user == null;
  }

  /**
   * The value of the {@code Authorization} header, for requests to the JIRA host only.
   *
   * @return a secret
   */
  public Secret authorization() {
    if (user == null) {
      return Secret.of("Bearer " + secret.reveal());
    }
    String pair = user + ":" + secret.reveal();
    return Secret.of(
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Every form of the secret that could leak: the secret and the header built from it.
   *
   * @return never {@code null}
   */
  public List<Secret> secrets() {
    return List.of(secret, authorization());
  }

  /** {@code basic auth as jdoe} or {@code personal access token}. */
  @Override
  public String toString() {
    return user == null ? "personal access token" : "basic auth as " + user;
  }
}
