package io.inspectr.registry.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Pushes images through the registry HTTP API, as the distribution spec describes: blobs by POST
 * then PUT with {@code ?digest=}, manifests and indexes by PUT with their media type. The registry
 * stores manifest bytes as sent, so a manifest's digest is the sha256 of what was pushed.
 */
final class ImagePusher {
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  private final HttpClient client = HttpClient.newHttpClient();
  private final String authority;
  private final Function<String, String> authorization;

  /**
   * A pusher.
   *
   * @param authority the registry
   * @param authorization the {@code Authorization} value for a repository, or "" for none
   */
  ImagePusher(String authority, Function<String, String> authorization) {
    this.authority = authority;
    this.authorization = authorization;
  }

  /** A pushed manifest: its digest, size and media type. */
  record Pushed(String digest, int size, String mediaType) {}

  /** Pushes a one-layer image for a platform under a tag; {@code salt} makes it unique. */
  Pushed pushImage(String repository, String tag, String architecture, String salt)
      throws Exception {
    byte[] layer = gzip(("layer of " + repository + " " + salt).getBytes(StandardCharsets.UTF_8));
    String layerDigest = pushBlob(repository, layer);
    byte[] config =
        ("{\"architecture\":\""
                + architecture
                + "\",\"os\":\"linux\",\"config\":{\"Labels\":{\"salt\":\""
                + salt
                + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + layerDigest
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    String configDigest = pushBlob(repository, config);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + OCI_MANIFEST
                + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + configDigest
                + "\",\"size\":"
                + config.length
                + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\""
                + layerDigest
                + "\",\"size\":"
                + layer.length
                + "}]}")
            .getBytes(StandardCharsets.UTF_8);
    return pushManifest(repository, tag, OCI_MANIFEST, manifest);
  }

  /** Pushes an OCI index of platform manifests already in the repository. */
  Pushed pushIndex(String repository, String tag, List<Pushed> children) throws Exception {
    StringBuilder json =
        new StringBuilder(
            "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[");
    String[] arch = {"amd64", "arm64", "s390x"};
    for (int i = 0; i < children.size(); i++) {
      Pushed c = children.get(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"mediaType\":\"")
          .append(c.mediaType())
          .append("\",\"digest\":\"")
          .append(c.digest())
          .append("\",\"size\":")
          .append(c.size())
          .append(",\"platform\":{\"architecture\":\"")
          .append(arch[i])
          .append("\",\"os\":\"linux\"}}");
    }
    json.append("]}");
    return pushManifest(
        repository, tag, OCI_INDEX, json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private String pushBlob(String repository, byte[] blob) throws Exception {
    String digest = sha256(blob);
    HttpResponse<String> start =
        send(
            repository,
            HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    expect(start, 202, "start a blob upload");
    URI location = uri("/v2/").resolve(start.headers().firstValue("Location").orElseThrow());
    String sep = location.getRawQuery() == null ? "?" : "&";
    HttpResponse<String> put =
        send(
            repository,
            HttpRequest.newBuilder(URI.create(location + sep + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
    expect(put, 201, "finish a blob upload");
    return digest;
  }

  Pushed pushManifest(String repository, String tag, String mediaType, byte[] manifest)
      throws Exception {
    HttpResponse<String> put =
        send(
            repository,
            HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + tag))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)));
    expect(put, 201, "push the manifest " + repository + ":" + tag);
    String digest = sha256(manifest);
    if (!put.headers().firstValue("Docker-Content-Digest").orElse("").equals(digest)) {
      throw new AssertionError("The registry stored another digest than " + digest);
    }
    return new Pushed(digest, manifest.length, mediaType);
  }

  private HttpResponse<String> send(String repository, HttpRequest.Builder request)
      throws Exception {
    String auth = authorization.apply(repository);
    if (!auth.isEmpty()) {
      request.header("Authorization", auth);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://" + authority + path);
  }

  private static void expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new AssertionError("Could not " + what + ": " + r.statusCode() + " " + r.body());
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
