package io.inspectr.notify.jira.internal;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.version.Upgrades;
import io.inspectr.notify.internal.Findings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What inspectr writes into issues: the summary, the description of a new issue and the comment
 * about new upgrades. Both carry a block of {@code Name: value} lines in the original tool's shape
 * ({@code Namespace:} before {@code Upgrades:}), which {@link Mentions} reads back.
 */
final class IssueTexts {
  /** JIRA's limit of a summary. */
  static final int MAX_SUMMARY = 255;

  private IssueTexts() {}

  static String summary(ResultKey key) {
    String summary =
        LegacySummary.PREFIX
            + " [image]: "
            + Findings.imageName(key.repository())
            + " [cluster]: "
            + key.cluster()
            + " [namespace]: "
            + key.namespace()
            + " [workload]: "
            + key.workload()
            + " [container]: "
            + key.container();
    return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
  }

  static IssueText description(InspectrResult finding, String label) {
    ResultKey key = finding.key();
    return new IssueText(
        List.of(
            new IssueText.Paragraph(
                "inspectr found newer versions of "
                    + Findings.imageName(key.repository())
                    + " than the "
                    + Findings.runningTag(finding)
                    + " running in cluster "
                    + key.cluster()
                    + ", namespace "
                    + key.namespace()
                    + ", "
                    + key.workload()
                    + ", container "
                    + key.container()
                    + "."),
            new IssueText.Code(details(finding, null)),
            new IssueText.Paragraph(
                "inspectr comments here when newer versions appear. It finds this issue by its label "
                    + label
                    + "; keep that label.")));
  }

  static IssueText comment(InspectrResult finding, List<String> fresh, boolean rebuilt) {
    List<String> news = new ArrayList<>(fresh);
    if (rebuilt && finding.digestCheck().current() != null) {
      news.add("a rebuild of " + Findings.runningTag(finding));
    }
    return new IssueText(
        List.of(
            new IssueText.Paragraph(
                "inspectr found more: "
                    + String.join(", ", news)
                    + " (running "
                    + Findings.runningTag(finding)
                    + ")."),
            new IssueText.Code(details(finding, fresh))));
  }

  private static String details(InspectrResult finding, @Nullable List<String> fresh) {
    ResultKey key = finding.key();
    Upgrades upgrades = finding.upgrades();
    StringBuilder out = new StringBuilder();
    line(out, "Image", key.repository().toString());
    line(out, "Cluster", key.cluster());
    line(out, "Namespace", key.namespace());
    line(out, "Name", key.workload().toString());
    line(out, "Container", key.container() + (finding.init() ? " (init)" : ""));
    line(out, "Quantity", Integer.toString(finding.pods()));
    line(out, "Version", Findings.runningTag(finding));
    if (upgrades.isOutdated()) {
      line(out, "Upgrades", String.join(", ", upgrades.upgrades()));
    }
    if (fresh != null && !fresh.isEmpty()) {
      line(out, "New", String.join(", ", fresh));
    }
    line(out, "Newest patch", upgrades.newestPatch());
    line(out, "Newest minor", upgrades.newestMinor());
    line(out, "Newest major", upgrades.newestMajor());
    if (finding.digestCheck().isRebuilt() && finding.digestCheck().current() != null) {
      line(out, "Rebuilt", finding.digestCheck().current().toString());
    }
    for (String warning : finding.warnings()) {
      line(out, "Warning", warning);
    }
    return out.toString().strip();
  }

  private static void line(StringBuilder out, String name, @Nullable String value) {
    if (value != null) {
      out.append(name).append(": ").append(value).append('\n');
    }
  }
}
