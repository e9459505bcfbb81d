package io.inspectr.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inspectr.core.image.Digest;
import io.inspectr.core.image.InvalidImageReferenceException;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.ManifestDigest;
import io.inspectr.core.spi.RepositoryTags;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCI distribution v2 calls inspectr needs, for one registry flavour: {@code tags/list} with
 * every page ({@code Link: <..>; rel="next"}, relative or absolute, opaque cursors), a manifest
 * HEAD for the digest a tag points to, and the children of an index. Failures complete the futures
 * with {@link CallFailure} or an {@link IOException}; {@link RegistryErrors} translates them.
 * Thread-safe.
 */
public final class RegistryClient {
  /** Pages followed per listing; GHCR keeps the newest tags on the last page, so be generous. */
  public static final int MAX_PAGES = 1000;

  /** Every manifest type, so a tag resolves to what runtimes pull (an index stays an index). */
  public static final String MANIFEST_ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Logger LOG = LoggerFactory.getLogger(RegistryClient.class);

  private final Authenticator auth;
  private final Hosts hosts;
  private final Function<Repository, String> apiAuthority;
  private final int pageSize;
  private final boolean readsUploadTimes;
  private final Consumer<HttpResult> observer;

  /**
   * Creates the client.
   *
   * @param auth sends authenticated requests
   * @param hosts which hosts are plain HTTP
   * @param apiAuthority the API host of a repository, e.g. {@code registry-1.docker.io}
   * @param pageSize {@code n} of the first {@code tags/list} request; 0 sends none
   * @param readsUploadTimes whether to read GCR's {@code manifest} map for push times
   * @param observer sees every registry response (e.g. for rate-limit headers)
   */
  public RegistryClient(
      Authenticator auth,
      Hosts hosts,
      Function<Repository, String> apiAuthority,
      int pageSize,
      boolean readsUploadTimes,
      Consumer<HttpResult> observer) {
    this.auth = auth;
    this.hosts = hosts;
    this.apiAuthority = apiAuthority;
    this.pageSize = pageSize;
    this.readsUploadTimes = readsUploadTimes;
    this.observer = observer;
  }

  /**
   * The registry API host of a repository.
   *
   * @param repository the repository
   * @return {@code host[:port]}
   */
  public String authority(Repository repository) {
    return apiAuthority.apply(repository);
  }

  /**
   * Lists every tag.
   *
   * @param repository the repository
   * @param credential the credential found, or {@code null}
   * @param deadline when to give up
   * @return the tags in the registry's order without duplicates, with push times when known
   */
  public CompletableFuture<RepositoryTags> tags(
      Repository repository, @Nullable Credential credential, Deadline deadline) {
    Authenticator.Target target = target(repository, credential);
    URI first =
        hosts
            .base(target.authority())
            .resolve(
                "/v2/" + repository.path() + "/tags/list" + (pageSize > 0 ? "?n=" + pageSize : ""));
    Listing listing = new Listing();
    listing.seen.add(first.toString());
    return page(repository, target, first, deadline, listing);
  }

  private CompletableFuture<RepositoryTags> page(
      Repository repository, Authenticator.Target target, URI uri, Deadline deadline, Listing acc) {
    HttpCall call = HttpCall.get(uri).withHeader("Accept", "application/json");
    return auth.send(call, target, deadline)
        .thenCompose(
            r -> {
              String who = succeeded(r);
              acc.add(parseTags(r, who));
              Optional<URI> next = LinkHeader.next(r.headerValues("Link"), uri);
              if (next.isEmpty()) {
                return CompletableFuture.completedFuture(acc.result(repository));
              }
              if (!acc.seen.add(next.get().toString())) {
                LOG.warn("{} sent a next-page link it already sent; stopping there", who);
                return CompletableFuture.completedFuture(acc.result(repository));
              }
              if (acc.pages >= MAX_PAGES) {
                throw new CallFailure(
                    who + " has more than " + MAX_PAGES + " pages of tags", null, false, null);
              }
              if (!hosts.allows(next.get())) {
                throw new CallFailure(
                    who + " sent a next-page link over plain HTTP, which inspectr does not follow",
                    null,
                    false,
                    null);
              }
              return page(repository, target, next.get(), deadline, acc);
            });
  }

  private Page parseTags(HttpResult r, String who) {
    JsonNode json;
    try {
      json = Json.tree(r.body());
    } catch (IOException e) {
      throw new CallFailure(
          who + " sent a tag list that is not valid JSON (cut off or garbled)", null, true, e);
    }
    JsonNode tags = json.get("tags");
    List<String> names = new ArrayList<>();
    if (tags != null && tags.isArray()) {
      for (JsonNode t : tags) {
        if (t.isTextual()) {
          names.add(t.asText());
        }
      }
    } else if (tags != null && !tags.isNull()) {
      throw new CallFailure(
          who + " sent a tag list whose \"tags\" is not an array", null, true, null);
    }
    Map<String, Instant> created = readsUploadTimes ? uploadTimes(json) : Map.of();
    return new Page(names, created);
  }

  /**
   * GCR and Artifact Registry: {@code manifest} maps each digest to its tags and push time ({@code
   * timeUploadedMs} a string on GCR, a number on Artifact Registry; {@code timeCreatedMs} as a
   * fallback when it is not zero).
   */
  static Map<String, Instant> uploadTimes(JsonNode json) {
    Map<String, Instant> created = new LinkedHashMap<>();
    JsonNode manifests = json.get("manifest");
    if (manifests == null || !manifests.isObject()) {
      return created;
    }
    Iterator<JsonNode> it = manifests.elements();
    while (it.hasNext()) {
      JsonNode m = it.next();
      long millis = millis(m.get("timeUploadedMs"));
      if (millis <= 0) {
        millis = millis(m.get("timeCreatedMs"));
      }
      JsonNode tags = m.get("tag");
      if (millis <= 0 || tags == null || !tags.isArray()) {
        continue;
      }
      for (JsonNode t : tags) {
        created.put(t.asText(), Instant.ofEpochMilli(millis));
      }
    }
    return created;
  }

  private static long millis(JsonNode n) {
    if (n == null) {
      return 0;
    }
    try {
      return Long.parseLong(n.asText().strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * What a tag points to now, by HEAD (no pull on Docker Hub); a GET whose body is hashed only when
   * the registry leaves out {@code Docker-Content-Digest}.
   *
   * @param repository the repository
   * @param tag the tag
   * @param credential the credential, or {@code null}
   * @param deadline when to give up
   * @return the digest and media type
   */
  public CompletableFuture<ManifestDigest> digest(
      Repository repository, String tag, @Nullable Credential credential, Deadline deadline) {
    if (!TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "\"" + tag + "\" is not a tag: it must match " + TAG.pattern());
    }
    Authenticator.Target target = target(repository, credential);
    URI uri = manifestUri(repository, target, tag);
    HttpCall head = new HttpCall("HEAD", uri, Map.of("Accept", MANIFEST_ACCEPT));
    return auth.send(head, target, deadline)
        .thenCompose(
            r -> {
              String who = succeeded(r);
              Optional<String> header = r.header("Docker-Content-Digest");
              if (header.isPresent()) {
                return CompletableFuture.completedFuture(
                    new ManifestDigest(digestOf(header.get(), who), mediaType(r)));
              }
              return auth.send(head.redirectedTo(uri, "GET"), target, deadline)
                  .thenApply(
                      g -> {
                        if (!g.isSuccess()) {
                          throw new CallFailure(who, g, null);
                        }
                        return new ManifestDigest(sha256(g.body()), mediaType(g));
                      });
            });
  }

  /**
   * The per-platform manifests of an index, read by digest and checked against it.
   *
   * @param repository the repository
   * @param index the index digest
   * @param credential the credential, or {@code null}
   * @param deadline when to give up
   * @return the child digests; empty when the digest is not an index
   */
  public CompletableFuture<List<Digest>> children(
      Repository repository, Digest index, @Nullable Credential credential, Deadline deadline) {
    Authenticator.Target target = target(repository, credential);
    HttpCall get =
        new HttpCall(
            "GET",
            manifestUri(repository, target, index.toString()),
            Map.of("Accept", MANIFEST_ACCEPT));
    return auth.send(get, target, deadline)
        .thenApply(
            r -> {
              String who = succeeded(r);
              if (index.algorithm().equals("sha256") && !sha256(r.body()).equals(index)) {
                throw new CallFailure(
                    who + " sent a manifest whose sha256 is not " + index, null, true, null);
              }
              JsonNode json;
              try {
                json = Json.tree(r.body());
              } catch (IOException e) {
                throw new CallFailure(
                    who + " sent a manifest that is not valid JSON", null, true, e);
              }
              List<Digest> children = new ArrayList<>();
              for (JsonNode m : json.path("manifests")) {
                children.add(digestOf(m.path("digest").asText(""), who));
              }
              return List.copyOf(children);
            });
  }

  /** Shows the response to the observer and fails unless it is a success; names who answered. */
  private String succeeded(HttpResult r) {
    observer.accept(r);
    String who = "the registry " + Hosts.authority(r.uri());
    if (!r.isSuccess()) {
      throw new CallFailure(who, r, null);
    }
    return who;
  }

  private Authenticator.Target target(Repository repository, @Nullable Credential credential) {
    return new Authenticator.Target(
        authority(repository), credential, "repository:" + repository.path() + ":pull");
  }

  private URI manifestUri(Repository repository, Authenticator.Target target, String reference) {
    return hosts
        .base(target.authority())
        .resolve("/v2/" + repository.path() + "/manifests/" + reference);
  }

  private static Digest digestOf(String text, String who) {
    try {
      return Digest.parse(text.strip());
    } catch (InvalidImageReferenceException e) {
      throw new CallFailure(who + " sent a digest that is not valid: " + e.getMessage(), null, e);
    }
  }

  private static String mediaType(HttpResult r) {
    String type = r.header("Content-Type").orElse("");
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  static Digest sha256(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new Digest("sha256", HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK always has SHA-256", e);
    }
  }

  private record Page(List<String> tags, Map<String, Instant> created) {}

  /** The pages read so far; one listing reads its pages one after another. */
  private static final class Listing {
    private final Set<String> tags = new LinkedHashSet<>();
    private final Map<String, Instant> created = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private int pages;

    void add(Page page) {
      pages++;
      tags.addAll(page.tags());
      created.putAll(page.created());
    }

    RepositoryTags result(Repository repository) {
      created.keySet().retainAll(tags);
      return new RepositoryTags(repository, List.copyOf(tags), created);
    }
  }
}
