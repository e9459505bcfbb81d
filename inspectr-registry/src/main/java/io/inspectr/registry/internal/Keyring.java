package io.inspectr.registry.internal;

import io.inspectr.core.image.Repository;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the credential for a repository among docker config {@code auths} keys, with the kubelet's
 * rules ({@code pkg/credentialprovider/keyring.go}): a key is {@code host[:port][/path]} with or
 * without a scheme, and {@code /v1/} or {@code /v2/} dropped; it matches when the ports are equal,
 * the hosts have the same number of labels and each label matches ({@code *} is a glob per label),
 * and the key's path is a prefix of the repository path. The most specific key (reverse lexical
 * order) wins. Docker Hub repositories fall back to the {@code index.docker.io} key, which is where
 * {@code docker login} and {@code kubectl create secret docker-registry} put Hub credentials.
 */
public final class Keyring {
  private static final String HUB_KEY = "index.docker.io";

  private final List<Map.Entry<String, Credential>> entries;

  /**
   * Builds the index.
   *
   * @param byKey credentials by their {@code auths} key as written
   */
  public Keyring(Map<String, Credential> byKey) {
    List<Map.Entry<String, Credential>> list = new ArrayList<>();
    byKey.forEach((k, v) -> list.add(Map.entry(indexKey(k), v)));
    list.sort(Map.Entry.<String, Credential>comparingByKey(Comparator.reverseOrder()));
    this.entries = List.copyOf(list);
  }

  /**
   * Whether there is no credential at all.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The credential for a repository.
   *
   * @param repository the repository, e.g. {@code docker.io/library/nginx}
   * @return the most specific match, or empty
   */
  public Optional<Credential> find(Repository repository) {
    String image = repository.domain() + "/" + repository.path();
    for (Map.Entry<String, Credential> e : entries) {
      if (matches(e.getKey(), image)) {
        return Optional.of(e.getValue());
      }
    }
    if (repository.isDockerHub()) {
      for (Map.Entry<String, Credential> e : entries) {
        if (e.getKey().equals(HUB_KEY)) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The index form of an {@code auths} key: scheme dropped, {@code /v1/} or {@code /v2/} dropped.
   *
   * @param key as written, e.g. {@code https://index.docker.io/v1/}
   * @return e.g. {@code index.docker.io}
   */
  static String indexKey(String key) {
    String k = key.strip();
    String withScheme = k.startsWith("http://") || k.startsWith("https://") ? k : "https://" + k;
    URI uri;
    try {
      uri = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      return k.toLowerCase(Locale.ROOT);
    }
    String host =
        uri.getRawAuthority() == null ? "" : uri.getRawAuthority().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.startsWith("/v2/") || path.startsWith("/v1/")) {
      path = path.substring(3);
    }
    return path.isEmpty() || path.equals("/") ? host : host + path;
  }

  static boolean matches(String key, String image) {
    // Split by hand: URI rejects the '*' of a glob key.
    HostPath k = HostPath.of(key);
    HostPath i = HostPath.of(image);
    if (!k.port().equals(i.port())) {
      return false;
    }
    String[] kLabels = k.host().split("\\.", -1);
    String[] iLabels = i.host().split("\\.", -1);
    if (kLabels.length != iLabels.length) {
      return false;
    }
    for (int n = 0; n < kLabels.length; n++) {
      if (!glob(kLabels[n], iLabels[n])) {
        return false;
      }
    }
    return i.path().startsWith(k.path());
  }

  /**
   * {@code host}, {@code port} (empty when none) and {@code path} of {@code host[:port][/path]}.
   */
  private record HostPath(String host, String port, String path) {
    static HostPath of(String text) {
      int slash = text.indexOf('/');
      String authority = slash < 0 ? text : text.substring(0, slash);
      String path = slash < 0 ? "" : text.substring(slash);
      int colon = authority.lastIndexOf(':');
      String host = colon < 0 ? authority : authority.substring(0, colon);
      String port = colon < 0 ? "" : authority.substring(colon + 1);
      return new HostPath(host.toLowerCase(Locale.ROOT), port, path);
    }
  }

  /** {@code filepath.Match} for one label: {@code *} any run, {@code ?} one character. */
  static boolean glob(String pattern, String text) {
    if (pattern.isEmpty()) {
      return text.isEmpty();
    }
    char p = pattern.charAt(0);
    if (p == '*') {
      for (int n = 0; n <= text.length(); n++) {
        if (glob(pattern.substring(1), text.substring(n))) {
          return true;
        }
      }
      return false;
    }
    return !text.isEmpty()
        && (p == '?' || p == text.charAt(0))
        && glob(pattern.substring(1), text.substring(1));
  }
}
