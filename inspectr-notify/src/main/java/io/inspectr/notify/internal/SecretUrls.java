package io.inspectr.notify.internal;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a URL that is itself a secret (a Slack webhook, a webhook with a token in its query): like
 * {@link ConfigReader#url}, but a problem shows the value masked.
 */
public final class SecretUrls {
  private SecretUrls() {}

  /**
   * Reads an absolute http(s) URL held as a secret.
   *
   * @param read the reader, which records a problem when the value is not a URL
   * @param key the relative key
   * @return the URL, or empty when unset or invalid
   */
  public static Optional<Secret> read(ConfigReader read, String key) {
    Optional<String> value = read.optional(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!isHttpUrl(value.get())) {
      read.problem(key, Secret.MASK, "it must be an absolute http or https URL");
      return Optional.empty();
    }
    return Optional.of(Secret.of(value.get()));
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
