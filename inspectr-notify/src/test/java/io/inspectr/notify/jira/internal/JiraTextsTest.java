package io.inspectr.notify.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.notify.testing.Reports;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraTextsTest {
  private final InspectrResult web =
      Reports.outdated("prod", "web", "frontend-v2", "nginx", "nginx:1.25.3", "1.25.4");

  @Test
  void jqlQuotesValuesAndDoublyEscapesLuceneSpecialsInPhrases() {
    assertThat(Jql.string("OPS")).isEqualTo("\"OPS\"");
    assertThat(Jql.string("a \"b\" \\c")).isEqualTo("\"a \\\"b\\\" \\\\c\"");
    assertThat(Jql.list(List.of("x", "y"))).isEqualTo("(\"x\", \"y\")");
    assertThat(Jql.phrase("frontend-v2")).isEqualTo("\"\\\"frontend\\\\-v2\\\"\"");
    assertThat(Jql.phrase("a:b")).isEqualTo("\"\\\"a\\\\:b\\\"\"");
  }

  @Test
  void theOriginalSummaryIsReadExactlyAndMatchesOnlyTheSameContainer() {
    String summary =
        "inspectr upgrade [image]: nginx [project]: acme [cluster]: prod [pod]: frontend-v2 [container]: nginx";
    LegacySummary legacy = LegacySummary.parse(summary).orElseThrow();
    InspectrResult sidecar =
        Reports.outdated("prod", "web", "frontend-v2", "istio-proxy", "nginx:1.25.3", "1.25.4");
    InspectrResult otherCluster =
        Reports.outdated("stage", "web", "frontend-v2", "nginx", "nginx:1.25.3", "1.25.4");

    assertThat(legacy.toString()).isEqualTo(summary);
    assertThat(legacy.matches(web.key(), null)).isTrue();
    assertThat(legacy.matches(sidecar.key(), null)).isFalse();
    assertThat(legacy.matches(otherCluster.key(), null)).isFalse();
    assertThat(legacy.matches(otherCluster.key(), "prod")).isTrue();
    assertThat(LegacySummary.parse("inspectr upgrade [image]: nginx [cluster]: prod")).isEmpty();
  }

  @Test
  void labelsAreStableValidAndDifferPerKey() {
    String label = IssueLabel.of(web.key());

    assertThat(label).matches("inspectr-[0-9a-f]{16}").isEqualTo(IssueLabel.of(web.key()));
    assertThat(
            IssueLabel.of(
                Reports.outdated("prod", "api", "frontend-v2", "nginx", "nginx:1.25.3").key()))
        .isNotEqualTo(label);
  }

  @Test
  void mentionsCountOnlyUpgradeLinesOfTheSameNamespace() {
    Mentions mentions =
        new Mentions("web")
            .read(
                "{code}\nNamespace: api\nUpgrades: [2.0.0 2.1.0]\n{code}\n{code}\nNamespace: web\nUpgrades: 1.25.4, 1.26.0\n{code}")
            .read("Version: 9.9.9\nRebuilt: sha256:abc");

    assertThat(mentions.mentionsUpgrade("1.26.0")).isTrue();
    assertThat(mentions.mentionsUpgrade("2.0.0")).as("named for another namespace").isFalse();
    assertThat(mentions.mentionsUpgrade("9.9.9")).as("the running version").isFalse();
    assertThat(mentions.mentionsDigest("sha256:abc")).isTrue();
  }

  @Test
  void issueTextRendersWikiWithEscapesAndAdfWithoutEmptyNodes() {
    IssueText text =
        new IssueText(
            List.of(new IssueText.Paragraph("a *b* [c]"), new IssueText.Code("x: 1\ny: {code}")));

    assertThat(text.wiki()).isEqualTo("a \\*b\\* \\[c\\]\n\n{code}\nx: 1\ny: { code}\n{code}");
    assertThat(text.adf().toString())
        .isEqualTo(
            "{\"type\":\"doc\",\"version\":1,\"content\":["
                + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"a *b* [c]\"}]},"
                + "{\"type\":\"codeBlock\",\"attrs\":{\"language\":\"text\"},\"content\":[{\"type\":\"text\",\"text\":\"x: 1\\ny: {code}\"}]}]}");
    assertThat(IssueText.plainOfAdf(text.adf())).isEqualTo("a *b* [c]\nx: 1\ny: {code}\n");
  }

  @Test
  void summariesStayWithinJirasLimit() {
    InspectrResult longName =
        Reports.outdated(
            "prod", "n".repeat(200), "w".repeat(200), "nginx", "nginx:1.25.3", "1.25.4");

    assertThat(IssueTexts.summary(longName.key())).hasSize(255).endsWith("…");
    assertThat(IssueTexts.summary(web.key()))
        .isEqualTo(
            "inspectr upgrade [image]: nginx [cluster]: prod [namespace]: web [workload]: Deployment/frontend-v2 [container]: nginx");
  }
}
