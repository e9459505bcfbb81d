package io.inspectr.notify.webhook;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.config.Secret;
import io.inspectr.notify.HttpOptions;
import io.inspectr.notify.internal.SecretUrls;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The webhook notifier's configuration, read from the keys under {@code inspectr.notify.webhook}:
 * the {@code url} (a secret: such URLs often carry a token), an optional HMAC {@code secret}, extra
 * {@code headers.<Name>} (their values are treated as secrets) and the {@code method}. Every key is
 * described in {@code docs/notifiers.md}.
 *
 * @param url where to send; a secret
 * @param method {@code POST} or {@code PUT}
 * @param hmacSecret the key of the body's HMAC-SHA256 signature, or {@code null} for none
 * @param signatureHeader the header that carries the signature
 * @param headers extra headers
 * @param http timeouts and rate-limit patience
 * @since 0.1
 */
public record WebhookNotifierConfig(
    Secret url,
    String method,
    @Nullable Secret hmacSecret,
    String signatureHeader,
    Map<String, Secret> headers,
    HttpOptions http) {

  /** Default of {@code signature-header}. */
  public static final String DEFAULT_SIGNATURE_HEADER = "X-Inspectr-Signature-256";

  /**
   * Headers inspectr or HttpClient set themselves, lowercase, which {@code headers.*} may not set
   * (they would be sent twice); so may no {@code X-Inspectr-*} header nor the signature header.
   */
  static final Set<String> RESERVED =
      Set.of("content-type", "content-length", "host", "accept", "transfer-encoding", "connection");

  private static final String RESERVED_PREFIX = "x-inspectr-";

  /** Checks and copies the parts. */
  public WebhookNotifierConfig {
    requireNonNull(url, "url");
    requireNonNull(method, "method");
    requireNonNull(signatureHeader, "signatureHeader");
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    requireNonNull(http, "http");
  }

  /**
   * Whether a configuration asks for the webhook at all.
   *
   * @param config the keys under {@code inspectr.notify.webhook}
   * @return {@code true} when {@code url} is set
   */
  public static boolean isConfigured(PluginConfig config) {
    return config.find("url").isPresent();
  }

  /**
   * Reads the configuration, reporting every problem at once.
   *
   * @param config the keys under {@code inspectr.notify.webhook}
   * @return never {@code null}
   * @throws io.inspectr.core.config.InvalidConfigurationException listing every problem
   */
  public static WebhookNotifierConfig from(PluginConfig config) {
    ConfigReader read = new ConfigReader(config);
    Optional<Secret> url =
        SecretUrls.read(
            read,
            "url",
            "put the credentials into a header instead, e.g. headers.Authorization: Basic ...");
    if (read.optional("url").isEmpty()) {
      read.problem("url", null, "it must be set to the receiver's http or https URL");
    }
    String method = read.oneOf("method", "post", "post", "put").toUpperCase(Locale.ROOT);
    Secret hmac = read.secret("secret").orElse(null);
    String signatureHeader = read.optional("signature-header").orElse(DEFAULT_SIGNATURE_HEADER);
    if (!isToken(signatureHeader)
        || RESERVED.contains(signatureHeader.toLowerCase(Locale.ROOT))
        || isOwn(signatureHeader)) {
      read.problem(
          "signature-header",
          signatureHeader,
          "it must be a header name such as "
              + DEFAULT_SIGNATURE_HEADER
              + " or X-Hub-Signature-256, and not one inspectr sets otherwise");
    }
    Map<String, Secret> headers = new LinkedHashMap<>();
    PluginConfig sub = config.sub("headers");
    for (String name : new java.util.TreeSet<>(sub.keys())) {
      String value = sub.find(name).orElse("");
      String lower = name.toLowerCase(Locale.ROOT);
      if (!isToken(name)
          || RESERVED.contains(lower)
          || lower.startsWith(RESERVED_PREFIX)
          || lower.equals(signatureHeader.toLowerCase(Locale.ROOT))) {
        read.problem(
            "headers." + name,
            Secret.MASK,
            "it must name a header inspectr does not set itself (not Content-Type,"
                + " Content-Length, Host, Accept, Transfer-Encoding, Connection, X-Inspectr-* or"
                + " the signature header "
                + signatureHeader
                + ")");
      } else if (value.contains("\n") || value.contains("\r")) {
        read.problem("headers." + name, Secret.MASK, "a header value must be one line");
      } else {
        headers.put(name, Secret.of(value));
      }
    }
    HttpOptions http = HttpOptions.read(read);
    read.validate();
    return new WebhookNotifierConfig(
        url.orElseThrow(), method, hmac, signatureHeader, headers, http);
  }

  /** Whether a header is one of inspectr's own, other than the default signature header. */
  private static boolean isOwn(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith(RESERVED_PREFIX)
        && !lower.equals(DEFAULT_SIGNATURE_HEADER.toLowerCase(Locale.ROOT));
  }

  private static boolean isToken(String name) {
    return name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  }
}
