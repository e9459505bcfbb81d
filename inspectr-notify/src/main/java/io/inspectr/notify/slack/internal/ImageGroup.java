package io.inspectr.notify.slack.internal;

import static io.inspectr.notify.slack.internal.Mrkdwn.bold;
import static io.inspectr.notify.slack.internal.Mrkdwn.code;
import static io.inspectr.notify.slack.internal.Mrkdwn.escape;

import io.inspectr.core.image.Repository;
import io.inspectr.core.result.DigestCheck;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.version.Upgrades;
import io.inspectr.notify.internal.Findings;
import io.inspectr.notify.slack.json.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The findings that share one image, running tag and set of upgrades: one title (running tag →
 * newest patch / minor / major) and a line for each namespace / workload / container affected.
 *
 * @param repository the image repository
 * @param tag the running tag (or short digest)
 * @param upgrades the upgrades, the same for all
 * @param digestCheck the rebuilt-tag comparison, the same for all
 * @param results the findings, in {@link Findings#ORDER}
 */
record ImageGroup(
    Repository repository,
    String tag,
    Upgrades upgrades,
    DigestCheck digestCheck,
    List<InspectrResult> results) {

  /** The longest line for one finding; only absurd warnings come near it. */
  static final int MAX_LINE_CHARS = 1_000;

  ImageGroup {
    results = List.copyOf(results);
  }

  /**
   * Groups findings, keeping their order.
   *
   * @param findings in {@link Findings#ORDER}
   * @return the groups, never {@code null}
   */
  static List<ImageGroup> of(List<InspectrResult> findings) {
    Map<List<Object>, List<InspectrResult>> byImage = new LinkedHashMap<>();
    for (InspectrResult r : findings) {
      List<Object> key =
          List.of(r.key().repository(), Findings.runningTag(r), r.upgrades(), r.digestCheck());
      byImage.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    List<ImageGroup> groups = new ArrayList<>();
    byImage.forEach(
        (key, results) -> {
          InspectrResult first = results.get(0);
          groups.add(
              new ImageGroup(
                  first.key().repository(),
                  Findings.runningTag(first),
                  first.upgrades(),
                  first.digestCheck(),
                  results));
        });
    return groups;
  }

  /**
   * The plain one-line change, for fallback text: {@code nginx 1.25.3 → 1.27.0}.
   *
   * @return never {@code null}
   */
  String change() {
    String name = Findings.imageName(repository);
    return upgrades
        .newest()
        .map(n -> name + " " + tag + " → " + n)
        .orElse(name + " " + tag + " rebuilt");
  }

  /**
   * The title section: the change in bold, the newest patch / minor / major, how far behind, the
   * pods, and the rebuilt digest as fields.
   *
   * @param continued whether it repeats the title at the top of another message; then without
   *     fields
   * @return never {@code null}
   */
  Block title(boolean continued) {
    String name = bold(Findings.imageName(repository));
    String text =
        upgrades
            .newest()
            .map(n -> name + " " + code(tag) + " → " + code(n))
            .orElse(name + " " + code(tag) + " was rebuilt");
    if (continued) {
      return Block.section(text + " _(continued)_");
    }
    List<String> fields = new ArrayList<>();
    field(fields, "Newest patch", upgrades.newestPatch());
    field(fields, "Newest minor", upgrades.newestMinor());
    field(fields, "Newest major", upgrades.newestMajor());
    if (upgrades.behind() > 0) {
      fields.add(
          "*Behind*\n" + upgrades.behind() + (upgrades.behind() == 1 ? " version" : " versions"));
    }
    int pods = results.stream().mapToInt(InspectrResult::pods).sum();
    fields.add(
        "*Pods*\n"
            + pods
            + " in "
            + results.size()
            + (results.size() == 1 ? " container" : " containers"));
    if (digestCheck.isRebuilt() && digestCheck.current() != null) {
      fields.add(
          "*Rebuilt*\n"
              + code(tag)
              + " now points to "
              + code(Findings.shortDigest(digestCheck.current())));
    }
    return Block.section(text, fields);
  }

  private static void field(List<String> fields, String label, @Nullable String tag) {
    if (tag != null) {
      fields.add("*" + label + "*\n" + code(tag));
    }
  }

  /**
   * One line for each finding, in the order of {@link #results()}.
   *
   * @return never {@code null}
   */
  List<String> lines() {
    List<String> lines = new ArrayList<>(results.size());
    for (InspectrResult r : results) {
      StringBuilder line =
          new StringBuilder("• ")
              .append(code(r.key().cluster() + "/" + r.key().namespace()))
              .append(' ')
              .append(escape(r.key().workload().toString()))
              .append(" · ")
              .append(r.init() ? "init container " : "container ")
              .append(code(r.key().container()))
              .append(" · ")
              .append(r.pods())
              .append(r.pods() == 1 ? " pod" : " pods");
      for (String warning : r.warnings()) {
        line.append(" · :warning: ").append(escape(warning));
      }
      lines.add(Mrkdwn.cut(line.toString(), MAX_LINE_CHARS));
    }
    return lines;
  }
}
