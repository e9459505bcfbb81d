package io.inspectr.k8s.internal;

import io.inspectr.core.config.ConfigProblem;
import io.inspectr.core.config.ConfigReader;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.image.Repository;
import io.inspectr.core.result.ContainerPolicy;
import io.inspectr.core.version.Pin;
import io.inspectr.core.version.TagPattern;
import io.inspectr.core.version.UpgradePolicy;
import io.inspectr.core.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code inspectr.io/*} pod annotations into a {@link ContainerPolicy}. An annotation
 * applies to every container of the pod; with a {@code /<container>} suffix ({@code
 * inspectr.io/pin/sidecar}) it applies to that container only and wins over the pod-wide one.
 *
 * <p>Values are read with core's {@link ConfigReader}, as configuration is. A bad value never stops
 * discovery: it becomes a warning on the policy, and the default is used for that part. A warning
 * names the annotation, whom it applies to, the value and what is valid, but not the pod: the pods
 * of one workload carry the same annotations and so get equal policies (which the projector then
 * shares), and the workload one warning that does not change with every rollout. Thread-safe
 * (stateless).
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
   * @return the policy; {@link ContainerPolicy#defaults()} when no annotation applies; equal for
   *     equal arguments, warnings included
   */
  public static ContainerPolicy policyFor(Map<String, String> annotations, String container) {
    if (annotations.isEmpty()) {
      return ContainerPolicy.defaults();
    }
    List<String> warnings = new ArrayList<>();
    // Sorted: equal annotations give equal warnings, whatever order the pod listed them in.
    for (String key : new TreeSet<>(annotations.keySet())) {
      if (!KNOWN.contains(baseKey(key))) {
        warnings.add(
            "Annotation "
                + key
                + " is not one inspectr knows and was ignored; the known ones are "
                + String.join(", ", KNOWN.stream().sorted().toList()));
      }
    }
    ConfigReader read = new ConfigReader(PluginConfig.of("", annotations));
    UpgradePolicy defaults = UpgradePolicy.defaults();
    boolean ignored = read.bool(key(annotations, IGNORE, container), false);
    UpgradePolicy policy =
        new UpgradePolicy(
            read.parsed(
                key(annotations, VERSIONING, container),
                defaults.scheme(),
                "it must be docker, semver or regex:<pattern> with a (?<major>...) group",
                VersionScheme::of),
            read.parsed(
                key(annotations, PIN, container),
                defaults.pin(),
                "it must be major, minor or none",
                Pin::parse),
            read.parsed(
                key(annotations, INCLUDE_TAGS, container),
                defaults.includeTags(),
                "it must be a valid regular expression",
                TagPattern::new),
            read.parsed(
                key(annotations, EXCLUDE_TAGS, container),
                defaults.excludeTags(),
                "it must be a valid regular expression",
                TagPattern::new),
            read.bool(key(annotations, ALLOW_PRERELEASE, container), false));
    Repository lookup =
        read.parsed(
            key(annotations, LOOKUP_IMAGE, container),
            null,
            "it must be a repository without tag or digest, e.g. docker.io/library/nginx",
            Repository::parse);
    for (ConfigProblem problem : read.problems()) {
      warnings.add(warning(problem));
    }
    if (!ignored && lookup == null && warnings.isEmpty() && policy.equals(defaults)) {
      return ContainerPolicy.defaults();
    }
    return new ContainerPolicy(ignored, policy, lookup, warnings);
  }

  /**
   * {@code Annotation inspectr.io/pin/app (for container app only) was 'sideways' but it must be
   * major, minor or none; the default is used instead}.
   */
  private static String warning(ConfigProblem problem) {
    String key = problem.key();
    String scope =
        baseKey(key).equals(key)
            ? "for every container of the pod"
            : "for container " + key.substring(baseKey(key).length() + 1) + " only";
    String what =
        problem.shownValue() == null
            ? key + " (" + scope + ") " + problem.problem()
            : key + " (" + scope + ") was '" + problem.shownValue() + "' but " + problem.problem();
    return "Annotation " + what + "; the default is used instead";
  }

  /** The container-scoped key when that annotation is set, else the pod-wide one. */
  private static String key(Map<String, String> annotations, String base, String container) {
    String scoped = base + "/" + container;
    return annotations.containsKey(scoped) ? scoped : base;
  }

  /** {@code inspectr.io/pin/web} to {@code inspectr.io/pin}. */
  private static String baseKey(String key) {
    int scoped = key.indexOf('/', PodJsonDecoder.ANNOTATION_PREFIX.length());
    return scoped < 0 ? key : key.substring(0, scoped);
  }
}
