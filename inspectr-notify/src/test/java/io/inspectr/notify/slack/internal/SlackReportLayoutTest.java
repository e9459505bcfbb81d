package io.inspectr.notify.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.result.ScanFailure;
import io.inspectr.notify.internal.Json;
import io.inspectr.notify.slack.json.Block;
import io.inspectr.notify.slack.json.SlackMessage;
import io.inspectr.notify.testing.FakeSlack;
import io.inspectr.notify.testing.RecordedRequest;
import io.inspectr.notify.testing.Reports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SlackReportLayoutTest {
  private static final Pattern SERVICE = Pattern.compile("Deployment/(service-\\d+)");

  private final SlackReportLayout layout = new SlackReportLayout("inspectr", true);

  @Test
  void splitsFiveHundredFindingsWithinSlackLimitsAndKeepsEveryFindingOnce() {
    List<InspectrResult> results = Reports.many(500);
    List<SlackPost> posts = layout.layout(Reports.full(results, List.of()));

    assertThat(posts).hasSizeGreaterThan(1);
    Map<String, Integer> seen = new HashMap<>();
    List<ResultKey> carried = new ArrayList<>();
    for (SlackPost post : posts) {
      assertThat(FakeSlack.check(asRequest(post.message()))).isEmpty();
      assertThat(post.message().blocks()).hasSizeLessThanOrEqualTo(50);
      assertThat(post.message().characters()).isLessThanOrEqualTo(12_000);
      carried.addAll(post.keys());
      for (Block block : post.message().blocks()) {
        if (block.type().equals("section") && block.fields() == null) {
          Matcher m = SERVICE.matcher(block.text().text());
          while (m.find()) {
            seen.merge(m.group(1), 1, Integer::sum);
          }
        }
      }
    }
    assertThat(seen).hasSize(500).allSatisfy((name, count) -> assertThat(count).isEqualTo(1));
    assertThat(carried)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(results.stream().map(InspectrResult::key).toList());
  }

  @Test
  void oneImageOnManyWorkloadsRunsOnWithItsTitleRepeated() {
    List<InspectrResult> results = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      results.add(
          Reports.outdated(
              "prod", "ns-" + i, "service-" + i, "web", "nginx:1.25.3", "1.25.4", "1.27.0"));
    }
    List<SlackPost> posts =
        layout.layout(Reports.newFindings(results.toArray(InspectrResult[]::new)));

    assertThat(posts).hasSizeGreaterThan(2);
    assertThat(posts.get(0).message().blocks().get(2).text().text())
        .isEqualTo("*nginx* `1.25.3` → `1.27.0`");
    for (SlackPost post : posts.subList(1, posts.size())) {
      assertThat(post.message().blocks().get(2).text().text()).endsWith("_(continued)_");
      assertThat(post.message().blocks().get(0).text().text())
          .startsWith("New image updates · prod (");
    }
    assertThat(posts.stream().mapToInt(p -> p.keys().size()).sum()).isEqualTo(400);
  }

  @Test
  void titleNamesNewestPatchMinorMajorAndHeaderNamesClusterAndTotals() {
    InspectrResult web =
        Reports.outdated(
            "prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4", "1.26.0", "2.0.0");
    InspectrResult api =
        Reports.outdated(
            "prod", "api", "gateway", "nginx", "nginx:1.25.3", "1.25.4", "1.26.0", "2.0.0");
    InspectrResult fine = Reports.upToDate("prod", "db", "postgres", "pg", "postgres:16.1");

    List<SlackPost> posts =
        layout.layout(
            Reports.full(
                List.of(web, api, fine), List.of(new ScanFailure("quay.io/x/y", "HTTP 401"))));

    assertThat(posts).hasSize(1);
    SlackMessage message = posts.get(0).message();
    assertThat(message.username()).isEqualTo("inspectr");
    assertThat(message.text()).isEqualTo("Image report · prod: nginx 1.25.3 → 2.0.0");
    List<Block> blocks = message.blocks();
    assertThat(blocks.get(0).text().text()).isEqualTo("Image report · prod");
    assertThat(blocks.get(1).elements().get(0).text())
        .isEqualTo(
            "*2* outdated containers in *1* image · *1* up to date · *1* could not be checked"
                + " · 2026-11-26 10:00 UTC");
    assertThat(blocks.get(2).fields())
        .extracting(t -> t.text())
        .containsExactly(
            "*Newest patch*\n`1.25.4`",
            "*Newest minor*\n`1.26.0`",
            "*Newest major*\n`2.0.0`",
            "*Behind*\n3 versions",
            "*Pods*\n4 in 2 containers");
    assertThat(blocks.get(3).text().text())
        .isEqualTo(
            "• `prod/api` Deployment/gateway · container `nginx` · 2 pods\n"
                + "• `prod/web` Deployment/frontend · container `nginx` · 2 pods");
    assertThat(blocks.get(5).text().text()).isEqualTo("*Could not check*");
    assertThat(blocks.get(6).text().text()).isEqualTo("• `quay.io/x/y`: HTTP 401");
    assertThat(posts.get(0).keys()).containsExactlyInAnyOrder(web.key(), api.key(), fine.key());
  }

  @Test
  void escapesSlackControlCharactersInUserText() {
    InspectrResult r =
        new InspectrResult(
            Reports.outdated("prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4").key(),
            io.inspectr.core.image.ImageReference.parse("nginx:1.25.3"),
            null,
            1,
            true,
            Reports.outdated("prod", "web", "frontend", "nginx", "nginx:1.25.3", "1.25.4")
                .upgrades(),
            io.inspectr.core.result.DigestCheck.notChecked(),
            List.of("bad annotation <script> & co"));

    String line =
        layout.layout(Reports.newFindings(r)).get(0).message().blocks().get(3).text().text();

    assertThat(line)
        .contains("init container `nginx`")
        .contains(":warning: bad annotation &lt;script&gt; &amp; co");
  }

  @Test
  void fullReportWithoutFindingsSaysAllIsUpToDateButNewFindingsSayNothing() {
    InspectrResult fine = Reports.upToDate("prod", "db", "postgres", "pg", "postgres:16.1");

    List<SlackPost> full = layout.layout(Reports.full(List.of(fine), List.of()));
    List<SlackPost> quiet =
        layout.layout(
            new Report(Report.Kind.NEW_FINDINGS, Reports.CREATED, List.of(fine), List.of()));
    List<SlackPost> silent =
        new SlackReportLayout(null, false).layout(Reports.full(List.of(fine), List.of()));

    assertThat(full).hasSize(1);
    assertThat(full.get(0).message().blocks().get(2).text().text())
        .isEqualTo("All *1* containers run the newest versions inspectr found.");
    assertThat(full.get(0).keys()).containsExactly(fine.key());
    assertThat(quiet).isEmpty();
    assertThat(silent).isEmpty();
  }

  @Test
  void aRebuiltMutableTagSaysWhereTheTagPointsNow() {
    io.inspectr.core.image.Digest now =
        io.inspectr.core.image.Digest.parse("sha256:" + "0123456789ab".repeat(5) + "cdef");
    InspectrResult rebuilt =
        new InspectrResult(
            Reports.upToDate("prod", "web", "frontend", "nginx", "nginx:latest").key(),
            io.inspectr.core.image.ImageReference.parse("nginx:latest"),
            null,
            3,
            false,
            io.inspectr.core.version.Upgrades.notVersioned("latest"),
            io.inspectr.core.result.DigestCheck.rebuilt(now),
            List.of());

    SlackMessage message = layout.layout(Reports.newFindings(rebuilt)).get(0).message();

    assertThat(message.text()).isEqualTo("New image updates · prod: nginx latest rebuilt");
    Block title = message.blocks().get(2);
    assertThat(title.text().text()).isEqualTo("*nginx* `latest` was rebuilt");
    assertThat(title.fields())
        .extracting(t -> t.text())
        .containsExactly(
            "*Pods*\n3 in 1 container", "*Rebuilt*\n`latest` now points to `sha256:0123456789ab`");
  }

  private static RecordedRequest asRequest(SlackMessage message) {
    return new RecordedRequest(
        "POST",
        FakeSlack.PATH,
        "",
        Map.of("content-type", List.of("application/json")),
        Json.write(message));
  }
}
