package io.inspectr.notify.internal;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the URLs of notifiers. A URL that is itself a secret (a Slack webhook, a webhook with a
 * token in its query) is read like {@link ConfigReader#url}, but a problem shows the value masked.
 * No URL may hold user info ({@code https://user:password@host/}): HttpClient refuses to send such
 * a URL, and the password would be shown wherever the URL is; the problem masks it.
 */
public final class SecretUrls {
  private SecretUrls() {}

  /**
   * Reads an absolute http(s) URL held as a secret.
   *
   * @param read the reader, which records a problem when the value is not a URL
   * @param key the relative key
   * @param instead how to give credentials instead of user info, e.g. "set headers.Authorization
   *     instead"
   * @return the URL, or empty when unset or invalid
   */
  public static Optional<Secret> read(ConfigReader read, String key, String instead) {
    Optional<String> value = read.optional(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (hasUserInfo(value.get())) {
      read.problem(key, Secret.MASK, noUserInfo(instead));
      return Optional.empty();
    }
    if (!isHttpUrl(value.get())) {
      read.problem(key, Secret.MASK, "it must be an absolute http or https URL");
      return Optional.empty();
    }
    return Optional.of(Secret.of(value.get()));
  }

  /**
   * Reads an absolute http(s) URL that is not a secret, as {@link ConfigReader#url} does, but
   * rejects user info without showing it.
   *
   * @param read the reader, which records problems
   * @param key the relative key
   * @param required whether it must be set
   * @param instead how to give credentials instead of user info
   * @return the URL, or empty when unset or invalid
   */
  public static Optional<URI> url(ConfigReader read, String key, boolean required, String instead) {
    Optional<String> value = read.optional(key);
    if (value.isPresent() && hasUserInfo(value.get())) {
      read.problem(key, maskUserInfo(value.get()), noUserInfo(instead));
      return Optional.empty();
    }
    return read.url(key, required);
  }

  /**
   * Whether the authority of a URL holds user info, {@code user:password@}. Read from the text, so
   * that it is found even where {@link URI} cannot parse the rest.
   *
   * @param text any text
   * @return {@code true} when there is an {@code @} between {@code ://} and the path
   */
  public static boolean hasUserInfo(String text) {
    int scheme = text.indexOf("://");
    if (scheme < 0) {
      return false;
    }
    int start = scheme + 3;
    return text.substring(start, authorityEnd(text, start)).indexOf('@') >= 0;
  }

  /**
   * A URL with its user info masked, for messages.
   *
   * @param text a URL with user info
   * @return e.g. {@code https://****@jira.example.com/}
   */
  public static String maskUserInfo(String text) {
    int start = text.indexOf("://") + 3;
    int at = text.lastIndexOf('@', authorityEnd(text, start) - 1);
    return text.substring(0, start) + Secret.MASK + text.substring(at);
  }

  private static int authorityEnd(String text, int start) {
    int end = start;
    while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return end;
  }

  private static String noUserInfo(String instead) {
    return "it must not hold a user name or password (user:password@ before the host), which"
        + " HttpClient refuses to send; "
        + instead;
  }

  /**
   * Whether the text is an absolute http or https URL with a host.
   *
   * @param text any text
   * @return {@code true} when it is
   */
  public static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
