package io.inspectr.core.version;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides which tags of a repository are upgrades of a running tag. Pure and fast: no I/O, one pass
 * over the tags, then a sort of the few candidates.
 *
 * <p>A tag is an upgrade when, under the policy's scheme:
 *
 * <ol>
 *   <li>it is a version and not a {@linkplain NeverCandidates never-candidate};
 *   <li>it is {@linkplain Version#isCompatibleWith compatible} with the running version (same
 *       channel, same precision);
 *   <li>it is newer;
 *   <li>it is stable, or the policy allows pre-releases, or the running tag is a pre-release of the
 *       same numbers ({@code 3.7.0b1} may move to {@code 3.7.0b2});
 *   <li>it respects the pin and the include and exclude patterns.
 * </ol>
 *
 * <p>When several tags denote one version ({@code v1.2.3} and {@code 1.2.3}), the one written like
 * the running tag is reported.
 *
 * @since 0.1
 */
public final class UpgradeFinder {
  private UpgradeFinder() {}

  /**
   * Finds the upgrades of {@code runningTag} among {@code tags}.
   *
   * @param runningTag the running tag, or {@code null} for an image running by digest alone
   * @param tags every tag of the repository, in any order, duplicates allowed; never {@code null}
   * @param policy never {@code null}
   * @return the upgrades, never {@code null}
   * @throws RegexTimeoutException when a pattern of the policy backtracks catastrophically: all
   *     pattern matching of one search is bounded by two seconds
   */
  public static Upgrades find(
      @Nullable String runningTag, Collection<String> tags, UpgradePolicy policy) {
    return find(runningTag, tags, policy, RegexBudget.SEARCH_BUDGET);
  }

  static Upgrades find(
      @Nullable String runningTag,
      Collection<String> tags,
      UpgradePolicy policy,
      java.time.Duration regexBudget) {
    requireNonNull(tags, "tags");
    requireNonNull(policy, "policy");
    if (runningTag == null) {
      return Upgrades.notVersioned(null);
    }
    VersionScheme scheme = policy.scheme();
    long deadline = RegexBudget.deadline(regexBudget);
    Version running = parse(scheme, runningTag, deadline);
    if (running == null) {
      return Upgrades.notVersioned(runningTag);
    }
    Pattern include = policy.includeTags() == null ? null : policy.includeTags().compiled();
    Pattern exclude = policy.excludeTags() == null ? null : policy.excludeTags().compiled();

    List<Version> candidates = new ArrayList<>();
    for (String tag : tags) {
      if (tag.equals(runningTag) || NeverCandidates.matches(tag)) {
        continue;
      }
      Version candidate = parse(scheme, tag, deadline);
      if (candidate != null
          && isUpgrade(candidate, running, policy)
          && (include == null || include.matcher(bounded(tag, deadline, include)).find())
          && (exclude == null || !exclude.matcher(bounded(tag, deadline, exclude)).find())) {
        candidates.add(candidate);
      }
    }
    return summarize(running, candidates);
  }

  private static @Nullable Version parse(VersionScheme scheme, String tag, long deadline) {
    if (scheme instanceof DockerVersionScheme docker) {
      return docker.parseOrNull(tag); // skips the Optional on the hot path
    }
    if (scheme instanceof RegexVersionScheme regex) {
      return regex.parseOrNull(tag, deadline);
    }
    return scheme.parse(tag).orElse(null);
  }

  private static CharSequence bounded(String tag, long deadline, Pattern pattern) {
    return RegexBudget.bounded(tag, deadline, pattern.pattern());
  }

  private static boolean isUpgrade(Version candidate, Version running, UpgradePolicy policy) {
    if (!candidate.isCompatibleWith(running) || candidate.compareVersion(running) <= 0) {
      return false;
    }
    if (candidate.isPreRelease()
        && !policy.allowPreRelease()
        && !(running.isPreRelease() && candidate.hasSameNumbers(running))) {
      return false;
    }
    switch (policy.pin()) {
      case MAJOR:
        return candidate.major() == running.major();
      case MINOR:
        return candidate.major() == running.major() && candidate.minor() == running.minor();
      default:
        return true;
    }
  }

  private static Upgrades summarize(Version running, List<Version> candidates) {
    // Oldest first; within one version the running tag's prefix style first, then by text.
    candidates.sort(
        (a, b) -> {
          int c = a.compareVersion(b);
          if (c != 0) {
            return c;
          }
          boolean aStyle = a.prefix().equals(running.prefix());
          boolean bStyle = b.prefix().equals(running.prefix());
          if (aStyle != bStyle) {
            return aStyle ? -1 : 1;
          }
          return a.tag().compareTo(b.tag());
        });
    List<String> upgrades = new ArrayList<>(candidates.size());
    String patch = null;
    String minor = null;
    String major = null;
    Version previous = null;
    for (Version v : candidates) {
      if (previous != null && previous.compareVersion(v) == 0) {
        continue; // the same version under another spelling
      }
      previous = v;
      upgrades.add(v.tag());
      if (v.major() != running.major()) {
        major = v.tag();
      } else if (v.minor() != running.minor()) {
        minor = v.tag();
      } else {
        patch = v.tag();
      }
    }
    return new Upgrades(running.tag(), true, upgrades, patch, minor, major);
  }
}
