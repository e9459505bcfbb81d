package io.inspectr.k8s.internal;

import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads pods straight from the API server's JSON into {@link SlimPod}s, token by token, so that no
 * {@code V1Pod} (managed fields, volumes, environment, probes...) is ever built. Strings that many
 * pods share (namespaces, images, image ids, owner names) are interned.
 *
 * <p>Thread-safe.
 */
public final class PodJsonDecoder {
  /** The annotation prefix inspectr reads; every other annotation is dropped. */
  public static final String ANNOTATION_PREFIX = "inspectr.io/";

  private static final String TEMPLATE_HASH_LABEL = "pod-template-hash";

  private final Interner<String> strings = Interners.newWeakInterner();

  // The pods of one workload share owners, containers and annotations: keep one copy of each.
  private final Interner<Object> parts = Interners.newWeakInterner();

  /**
   * Reads a pod list page: {@code {"metadata":{"resourceVersion":..,"continue":..},"items":[..]}}.
   *
   * @param json the response body; read to the end, not closed
   * @return the page
   * @throws IOException when the body cannot be read or is not a pod list
   */
  public PodPage decodeList(Reader json) throws IOException {
    JsonReader in = new JsonReader(json);
    List<SlimPod> items = new ArrayList<>();
    String resourceVersion = "";
    String continueToken = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "metadata":
          in.beginObject();
          while (in.hasNext()) {
            String name = in.nextName();
            if (name.equals("resourceVersion")) {
              resourceVersion = string(in);
            } else if (name.equals("continue")) {
              continueToken = string(in);
            } else {
              in.skipValue();
            }
          }
          in.endObject();
          break;
        case "items":
          if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            break;
          }
          in.beginArray();
          while (in.hasNext()) {
            items.add(decodePod(in));
          }
          in.endArray();
          break;
        default:
          in.skipValue();
      }
    }
    in.endObject();
    return new PodPage(
        items,
        resourceVersion,
        continueToken == null || continueToken.isEmpty() ? null : continueToken);
  }

  /**
   * Reads one line of a watch stream: {@code {"type":"ADDED","object":{...}}}.
   *
   * @param line the line, never {@code null}
   * @return the event
   * @throws IOException when the line is not a watch event
   */
  public WatchEvent decodeEvent(String line) throws IOException {
    JsonReader in = new JsonReader(new StringReader(line));
    String type = null;
    SlimPod pod = null;
    ApiStatus status = null;
    String objectKind = null;
    // The object may precede the type; it is read as a pod unless its kind says Status.
    in.beginObject();
    while (in.hasNext()) {
      String name = in.nextName();
      if (name.equals("type")) {
        type = string(in);
      } else if (name.equals("object")) {
        ObjectOrStatus read = decodeObjectOrStatus(in);
        pod = read.pod;
        status = read.status;
        objectKind = read.kind;
      } else {
        in.skipValue();
      }
    }
    in.endObject();
    if (type == null) {
      throw new IOException("A watch event without a type: " + abbreviate(line));
    }
    if ("Status".equals(objectKind) || type.equals(WatchEvent.ERROR)) {
      return new WatchEvent(type, null, status);
    }
    return new WatchEvent(type, pod, null);
  }

  /**
   * Reads a {@code v1 Status} body, as the API server sends with an error response.
   *
   * @param json the body
   * @param httpCode the response code, used when the body is not a Status
   * @return never {@code null}
   */
  public static ApiStatus decodeStatus(String json, int httpCode) {
    try {
      JsonReader in = new JsonReader(new StringReader(json));
      ApiStatus status = readStatus(in);
      return status.code() == 0
          ? new ApiStatus(httpCode, status.reason(), status.message())
          : status;
    } catch (IOException | IllegalStateException e) {
      return new ApiStatus(httpCode, "", abbreviate(json));
    }
  }

  private static final class ObjectOrStatus {
    @Nullable SlimPod pod;
    @Nullable ApiStatus status;
    @Nullable String kind;
  }

  private ObjectOrStatus decodeObjectOrStatus(JsonReader in) throws IOException {
    PodParts parts = new PodParts();
    ObjectOrStatus out = new ObjectOrStatus();
    int code = 0;
    String reason = "";
    String message = "";
    in.beginObject();
    while (in.hasNext()) {
      String name = in.nextName();
      switch (name) {
        case "kind":
          out.kind = string(in);
          break;
        case "code":
          if (in.peek() == JsonToken.NUMBER) {
            code = in.nextInt();
          } else {
            in.skipValue();
          }
          break;
        case "reason":
          reason = string(in);
          break;
        case "message":
          message = string(in);
          break;
        default:
          readPodField(name, in, parts);
      }
    }
    in.endObject();
    if ("Status".equals(out.kind) || code != 0) {
      out.status = new ApiStatus(code, reason, message);
      out.kind = "Status";
    } else {
      out.pod = parts.build();
    }
    return out;
  }

  /**
   * Reads one pod object.
   *
   * @param in positioned at the object's start
   * @return the projection
   * @throws IOException when the JSON is malformed
   */
  public SlimPod decodePod(JsonReader in) throws IOException {
    PodParts parts = new PodParts();
    in.beginObject();
    while (in.hasNext()) {
      readPodField(in.nextName(), in, parts);
    }
    in.endObject();
    return parts.build();
  }

  private void readPodField(String name, JsonReader in, PodParts parts) throws IOException {
    if (in.peek() != JsonToken.BEGIN_OBJECT) {
      // A Status has "status": "Failure"; a pod's parts are always objects.
      in.skipValue();
      return;
    }
    switch (name) {
      case "metadata":
        readMetadata(in, parts);
        break;
      case "spec":
        readSpec(in, parts);
        break;
      case "status":
        readStatus(in, parts);
        break;
      default:
        in.skipValue();
    }
  }

  private void readMetadata(JsonReader in, PodParts parts) throws IOException {
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "name":
          parts.name = string(in);
          break;
        case "namespace":
          parts.namespace = intern(string(in));
          break;
        case "uid":
          parts.uid = string(in);
          break;
        case "resourceVersion":
          parts.resourceVersion = string(in);
          break;
        case "annotations":
          readMap(in, parts.annotations, ANNOTATION_PREFIX);
          break;
        case "labels":
          Map<String, String> labels = new HashMap<>();
          readMap(in, labels, TEMPLATE_HASH_LABEL);
          String hash = labels.get(TEMPLATE_HASH_LABEL);
          parts.templateHash = hash == null ? null : intern(hash);
          break;
        case "ownerReferences":
          readOwners(in, parts.owners);
          break;
        default:
          in.skipValue();
      }
    }
    in.endObject();
  }

  private void readSpec(JsonReader in, PodParts parts) throws IOException {
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "containers":
          readContainers(in, parts.containers);
          break;
        case "initContainers":
          readContainers(in, parts.initContainers);
          break;
        case "imagePullSecrets":
          readNames(in, parts.pullSecrets);
          break;
        case "serviceAccountName":
          parts.serviceAccount = intern(string(in));
          break;
        case "serviceAccount":
          // The deprecated alias; serviceAccountName wins when both are set.
          String alias = string(in);
          if (parts.serviceAccount.isEmpty()) {
            parts.serviceAccount = intern(alias);
          }
          break;
        default:
          in.skipValue();
      }
    }
    in.endObject();
  }

  private void readStatus(JsonReader in, PodParts parts) throws IOException {
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "phase":
          parts.phase = intern(string(in));
          break;
        case "containerStatuses":
          readImageIds(in, parts.imageIds);
          break;
        case "initContainerStatuses":
          readImageIds(in, parts.initImageIds);
          break;
        default:
          in.skipValue();
      }
    }
    in.endObject();
  }

  private void readContainers(JsonReader in, Map<String, String> imageByName) throws IOException {
    readNamed(in, "image", imageByName);
  }

  private void readImageIds(JsonReader in, Map<String, String> idByName) throws IOException {
    readNamed(in, "imageID", idByName);
  }

  /** Reads {@code [{"name": n, field: v, ...}, ...]} into {@code n -> v}. */
  private void readNamed(JsonReader in, String field, Map<String, String> into) throws IOException {
    if (nullArray(in)) {
      return;
    }
    in.beginArray();
    while (in.hasNext()) {
      String name = "";
      String value = "";
      in.beginObject();
      while (in.hasNext()) {
        String key = in.nextName();
        if (key.equals("name")) {
          name = string(in);
        } else if (key.equals(field)) {
          value = string(in);
        } else {
          in.skipValue();
        }
      }
      in.endObject();
      into.put(intern(name), intern(value));
    }
    in.endArray();
  }

  private void readOwners(JsonReader in, List<SlimPod.Owner> owners) throws IOException {
    if (nullArray(in)) {
      return;
    }
    in.beginArray();
    while (in.hasNext()) {
      String apiVersion = "";
      String kind = "";
      String name = "";
      String uid = "";
      boolean controller = false;
      in.beginObject();
      while (in.hasNext()) {
        switch (in.nextName()) {
          case "apiVersion":
            apiVersion = string(in);
            break;
          case "kind":
            kind = string(in);
            break;
          case "name":
            name = string(in);
            break;
          case "uid":
            uid = string(in);
            break;
          case "controller":
            if (in.peek() == JsonToken.BOOLEAN) {
              controller = in.nextBoolean();
            } else {
              in.skipValue();
            }
            break;
          default:
            in.skipValue();
        }
      }
      in.endObject();
      owners.add(
          new SlimPod.Owner(
              intern(apiVersion), intern(kind), intern(name), intern(uid), controller));
    }
    in.endArray();
  }

  private void readNames(JsonReader in, List<String> names) throws IOException {
    if (nullArray(in)) {
      return;
    }
    in.beginArray();
    while (in.hasNext()) {
      in.beginObject();
      while (in.hasNext()) {
        if (in.nextName().equals("name")) {
          names.add(intern(string(in)));
        } else {
          in.skipValue();
        }
      }
      in.endObject();
    }
    in.endArray();
  }

  private void readMap(JsonReader in, Map<String, String> into, String keyPrefix)
      throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return;
    }
    in.beginObject();
    while (in.hasNext()) {
      String key = in.nextName();
      if (key.startsWith(keyPrefix)) {
        into.put(intern(key), intern(string(in)));
      } else {
        in.skipValue();
      }
    }
    in.endObject();
  }

  private static ApiStatus readStatus(JsonReader in) throws IOException {
    int code = 0;
    String reason = "";
    String message = "";
    in.beginObject();
    while (in.hasNext()) {
      switch (in.nextName()) {
        case "code":
          code = in.nextInt();
          break;
        case "reason":
          reason = string(in);
          break;
        case "message":
          message = string(in);
          break;
        default:
          in.skipValue();
      }
    }
    in.endObject();
    return new ApiStatus(code, reason, message);
  }

  private static boolean nullArray(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return true;
    }
    return false;
  }

  private static String string(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return "";
    }
    if (token == JsonToken.BEGIN_OBJECT || token == JsonToken.BEGIN_ARRAY) {
      in.skipValue();
      return "";
    }
    return in.nextString();
  }

  private String intern(String value) {
    return value.isEmpty() ? "" : strings.intern(value);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  @SuppressWarnings("unchecked")
  private <T> T shared(T value) {
    return (T) parts.intern(value);
  }

  /** The parts of one pod as they are read, in any field order. */
  private final class PodParts {
    String namespace = "";
    String name = "";
    String uid = "";
    String resourceVersion = "";
    String phase = "";
    @Nullable String templateHash;
    String serviceAccount = "";
    final List<SlimPod.Owner> owners = new ArrayList<>(1);
    final List<String> pullSecrets = new ArrayList<>(0);
    final Map<String, String> annotations = new TreeMap<>();
    final Map<String, String> containers = new java.util.LinkedHashMap<>();
    final Map<String, String> initContainers = new java.util.LinkedHashMap<>();
    final Map<String, String> imageIds = new HashMap<>();
    final Map<String, String> initImageIds = new HashMap<>();

    SlimPod build() {
      List<SlimPod.Container> all = new ArrayList<>(containers.size() + initContainers.size());
      containers.forEach(
          (c, image) ->
              all.add(new SlimPod.Container(c, false, image, imageIds.getOrDefault(c, ""))));
      initContainers.forEach(
          (c, image) ->
              all.add(new SlimPod.Container(c, true, image, initImageIds.getOrDefault(c, ""))));
      return new SlimPod(
          namespace,
          name,
          uid,
          resourceVersion,
          phase,
          shared(List.copyOf(owners)),
          templateHash,
          serviceAccount,
          shared(List.copyOf(pullSecrets)),
          shared(Map.copyOf(annotations)),
          shared(List.copyOf(all)));
    }
  }
}
