package io.inspectr.registry.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Host names, authorities and which hosts may be reached over plain HTTP. */
public final class Hosts {
  private final Set<String> insecure;

  /**
   * Creates the policy.
   *
   * @param insecure {@code host[:port]} entries that are reached over plain HTTP
   */
  public Hosts(Set<String> insecure) {
    this.insecure =
        insecure.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /**
   * {@code host[:port]} of a URI, lowercase, without a default port.
   *
   * @param uri absolute URI
   * @return never {@code null}
   */
  public static String authority(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port < 0
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return defaultPort ? host : host + ":" + port;
  }

  /**
   * Whether an authority is listed as plain HTTP: exactly, {@code host:port} against {@code
   * host:port} (case aside). As in Docker's {@code insecure-registries}, an entry without a port
   * covers no other port: {@code registry.local} does not list {@code registry.local:5000}.
   *
   * @param authority {@code host[:port]}
   * @return {@code true} when listed
   */
  public boolean isInsecure(String authority) {
    String a = authority.toLowerCase(Locale.ROOT);
    return insecure.contains(a);
  }

  /**
   * The base URI of a registry API host: {@code https://host} unless listed as insecure.
   *
   * @param authority {@code host[:port]}
   * @return e.g. {@code https://ghcr.io}
   */
  public URI base(String authority) {
    return URI.create((isInsecure(authority) ? "http://" : "https://") + authority);
  }

  /**
   * Whether a URI may be requested: https always, http only for listed hosts.
   *
   * @param uri absolute URI
   * @return {@code true} when allowed
   */
  public boolean allows(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || (scheme.equals("http") && isInsecure(authority(uri)));
  }
}
