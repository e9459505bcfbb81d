package io.inspectr.k8s.internal;

import io.inspectr.core.image.Repository;
import io.inspectr.core.result.ContainerPolicy;
import io.inspectr.core.version.Pin;
import io.inspectr.core.version.UpgradePolicy;
import io.inspectr.core.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code inspectr.io/*} pod annotations into a {@link ContainerPolicy}. An annotation
 * applies to every container of the pod; with a {@code /<container>} suffix ({@code
 * inspectr.io/pin/sidecar}) it applies to that container only and wins over the pod-wide one.
 *
 * <p>A bad value never stops discovery: it becomes a warning on the policy, and the default is used
 * for that part. Thread-safe (stateless).
 */
public final class AnnotationPolicies {
  /** {@code true} leaves the container out of scans. */
  public static final String IGNORE = "inspectr.io/ignore";

  /** {@code major}, {@code minor} or {@code none}: how far an upgrade may move. */
  public static final String PIN = "inspectr.io/pin";

  /** A regular expression; only matching tags are candidates. */
  public static final String INCLUDE_TAGS = "inspectr.io/include-tags";

  /** A regular expression; matching tags are never candidates. */
  public static final String EXCLUDE_TAGS = "inspectr.io/exclude-tags";

  /** {@code docker}, {@code semver} or {@code regex:<pattern>}. */
  public static final String VERSIONING = "inspectr.io/versioning";

  /** {@code true} offers pre-releases even to stable running tags. */
  public static final String ALLOW_PRERELEASE = "inspectr.io/allow-prerelease";

  /** A repository to look tags up in instead of the running one, e.g. a mirror's upstream. */
  public static final String LOOKUP_IMAGE = "inspectr.io/lookup-image";

  private static final Set<String> KNOWN =
      Set.of(IGNORE, PIN, INCLUDE_TAGS, EXCLUDE_TAGS, VERSIONING, ALLOW_PRERELEASE, LOOKUP_IMAGE);

  private AnnotationPolicies() {}

  /**
   * The policy of one container.
   *
   * @param annotations the pod's {@code inspectr.io/*} annotations
   * @param container the container name
   * @param pod the pod, {@code namespace/name}, for warnings
   * @return the policy; {@link ContainerPolicy#defaults()} when no annotation applies
   */
  public static ContainerPolicy policyFor(
      Map<String, String> annotations, String container, String pod) {
    if (annotations.isEmpty()) {
      return ContainerPolicy.defaults();
    }
    List<String> warnings = new ArrayList<>();
    for (String key : annotations.keySet()) {
      String base = baseKey(key);
      if (!KNOWN.contains(base)) {
        warnings.add(
            "Annotation "
                + key
                + " on pod "
                + pod
                + " is not one inspectr knows and was ignored; the known ones are "
                + String.join(", ", KNOWN.stream().sorted().toList()));
      }
    }
    Reader read = new Reader(annotations, container, pod, warnings);
    boolean ignored = read.bool(IGNORE, false);
    UpgradePolicy policy = UpgradePolicy.defaults();
    String versioning = read.value(VERSIONING);
    if (versioning != null) {
      try {
        policy = policy.withScheme(VersionScheme.of(versioning));
      } catch (IllegalArgumentException e) {
        read.warn(VERSIONING, versioning, e.getMessage());
      }
    }
    String pin = read.value(PIN);
    if (pin != null) {
      try {
        policy = policy.withPin(Pin.parse(pin));
      } catch (IllegalArgumentException e) {
        read.warn(PIN, pin, e.getMessage());
      }
    }
    String include = read.value(INCLUDE_TAGS);
    if (include != null) {
      try {
        policy = policy.withIncludeTags(include);
      } catch (IllegalArgumentException e) {
        read.warn(INCLUDE_TAGS, include, e.getMessage());
      }
    }
    String exclude = read.value(EXCLUDE_TAGS);
    if (exclude != null) {
      try {
        policy = policy.withExcludeTags(exclude);
      } catch (IllegalArgumentException e) {
        read.warn(EXCLUDE_TAGS, exclude, e.getMessage());
      }
    }
    policy = policy.withAllowPreRelease(read.bool(ALLOW_PRERELEASE, false));
    Repository lookup = null;
    String lookupImage = read.value(LOOKUP_IMAGE);
    if (lookupImage != null) {
      try {
        lookup = Repository.parse(lookupImage);
      } catch (IllegalArgumentException e) {
        read.warn(
            LOOKUP_IMAGE,
            lookupImage,
            "it must be a repository without tag or digest, e.g. docker.io/library/nginx ("
                + e.getMessage()
                + ")");
      }
    }
    if (!ignored
        && lookup == null
        && warnings.isEmpty()
        && policy.equals(UpgradePolicy.defaults())) {
      return ContainerPolicy.defaults();
    }
    return new ContainerPolicy(ignored, policy, lookup, warnings);
  }

  /** {@code inspectr.io/pin/web} to {@code inspectr.io/pin}. */
  private static String baseKey(String key) {
    int scoped = key.indexOf('/', PodJsonDecoder.ANNOTATION_PREFIX.length());
    return scoped < 0 ? key : key.substring(0, scoped);
  }

  /** Looks annotations up for one container and collects warnings. */
  private static final class Reader {
    private final Map<String, String> annotations;
    private final String container;
    private final String pod;
    private final List<String> warnings;
    private String lastKey = "";

    Reader(Map<String, String> annotations, String container, String pod, List<String> warnings) {
      this.annotations = annotations;
      this.container = container;
      this.pod = pod;
      this.warnings = warnings;
    }

    /** The container-scoped value, else the pod-wide one; remembers which key it came from. */
    @Nullable String value(String key) {
      String scoped = key + "/" + container;
      if (annotations.containsKey(scoped)) {
        lastKey = scoped;
        return annotations.get(scoped).strip();
      }
      lastKey = key;
      String value = annotations.get(key);
      return value == null ? null : value.strip();
    }

    boolean bool(String key, boolean defaultValue) {
      String value = value(key);
      if (value == null) {
        return defaultValue;
      }
      switch (value.toLowerCase(Locale.ROOT)) {
        case "true":
        case "yes":
        case "1":
          return true;
        case "false":
        case "no":
        case "0":
          return false;
        default:
          warn(key, value, "it must be true or false");
          return defaultValue;
      }
    }

    void warn(String key, String value, String problem) {
      String actualKey = lastKey.startsWith(key) ? lastKey : key;
      warnings.add(
          "Annotation "
              + actualKey
              + "=\""
              + value
              + "\" on pod "
              + pod
              + " was ignored because "
              + problem
              + "; the default is used instead");
    }
  }
}
