package io.inspectr.notify.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.inspectr.core.config.PluginConfig;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.notify.testing.FakeJira;
import io.inspectr.notify.testing.FakeResponse;
import io.inspectr.notify.testing.FakeSlack;
import io.inspectr.notify.testing.RecordedRequest;
import io.inspectr.notify.testing.Reports;
import io.inspectr.notify.testing.TestClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JiraNotifierIT {
  static final String USER = "inspectr-bot";
  static final String PASSWORD = "Pa55w0rd!Secret";
  static final String BASIC = FakeJira.basic(USER, PASSWORD);

  private final FakeSlack slack = new FakeSlack();
  private final TestClock clock = TestClock.standard();
  private FakeJira jira;

  @AfterEach
  void stop() {
    slack.close();
    if (jira != null) {
      jira.close();
    }
  }

  private JiraNotifier notifier(boolean cloud, Map<String, String> extra) {
    jira = jira == null ? new FakeJira(cloud, BASIC) : jira;
    Map<String, String> values = new HashMap<>();
    values.put("url", jira.url());
    values.put("params", USER + "|" + PASSWORD + "|OPS|Task|Team:Platform");
    values.put("slack-webhook-url", slack.url());
    values.putAll(extra);
    return new JiraNotifier(
        JiraNotifierConfig.from(PluginConfig.of("inspectr.notify.jira", values)),
        clock,
        clock.sleeper());
  }

  private static InspectrResult web(String... upgrades) {
    return Reports.outdated("prod", "web", "frontend-v2", "nginx", "nginx:1.25.3", upgrades);
  }

  private static InspectrResult api() {
    return Reports.outdated(
        "prod", "api", "gateway", "envoy", "envoyproxy/envoy:v1.30.1", "v1.30.2");
  }

  @ParameterizedTest(name = "cloud={0}")
  @ValueSource(booleans = {false, true})
  void firstRunCreatesOneIssuePerKeyAndTheSameFindingsAgainChangeNothing(boolean cloud)
      throws Exception {
    DeliveryReport first;
    try (JiraNotifier notifier = notifier(cloud, Map.of())) {
      first = notifier.deliver(Reports.newFindings(web("1.25.4", "1.26.0"), api()));
    }
    // A fresh notifier, as after a restart: only JIRA's search can find the issues now.
    DeliveryReport again;
    try (JiraNotifier notifier = notifier(cloud, Map.of())) {
      again = notifier.deliver(Reports.newFindings(web("1.25.4", "1.26.0"), api()));
    }

    assertThat(first.outcomes().values())
        .allSatisfy(o -> assertThat(o.detail()).startsWith("created OPS-"));
    assertThat(again.outcomes().values())
        .allSatisfy(o -> assertThat(o.detail()).endsWith("already mentions every upgrade"));
    assertThat(jira.violations()).isEmpty();
    assertThat(jira.issues()).hasSize(2);
    FakeJira.Issue issue =
        jira.issues().stream().filter(i -> i.summary().contains("nginx")).findFirst().orElseThrow();
    assertThat(issue.labels())
        .hasSize(2)
        .contains("inspectr")
        .anyMatch(l -> l.matches("inspectr-[0-9a-f]{16}"));
    assertThat(issue.summary())
        .isEqualTo(
            "inspectr upgrade [image]: nginx [cluster]: prod [namespace]: web [workload]: Deployment/frontend-v2 [container]: nginx");
    assertThat(issue.fields().path("customfield_10010").path("id").asText()).isEqualTo("20001");
    assertThat(jira.count("POST", "/comment")).isZero();
    assertThat(jira.count("PUT", "")).isZero();
    assertThat(slack.accepted())
        .as("the links of one delivery travel together")
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.path("text").asText().split("\n"))
                    .containsExactlyInAnyOrder(
                        "just created " + jira.url() + "/browse/OPS-1",
                        "just created " + jira.url() + "/browse/OPS-2"));
    if (cloud) {
      JsonNode doc = issue.description();
      assertThat(doc.path("type").asText()).isEqualTo("doc");
      assertThat(doc.path("content").get(1).path("type").asText()).isEqualTo("codeBlock");
      assertThat(doc.path("content").get(1).path("content").get(0).path("text").asText())
          .contains("Namespace: web\n", "Upgrades: 1.25.4, 1.26.0\n");
      assertThat(jira.requests())
          .noneMatch(
              r -> r.path().equals("/rest/api/3/search") || r.path().equals("/rest/api/2/search"));
      assertThat(jira.requests()).anyMatch(r -> r.path().equals("/rest/api/3/issue"));
    } else {
      assertThat(issue.description().asText())
          .contains(
              "{code}\nImage: docker.io/library/nginx\n",
              "Upgrades: 1.25.4, 1.26.0\n",
              "Deployment/frontend\\-v2");
      assertThat(jira.requests()).allMatch(r -> r.path().startsWith("/rest/api/2/"));
    }
  }

  @ParameterizedTest(name = "cloud={0}")
  @ValueSource(booleans = {false, true})
  void aNewUpgradeAddsExactlyOneCommentWithOnlyTheNewVersion(boolean cloud) throws Exception {
    try (JiraNotifier notifier = notifier(cloud, Map.of())) {
      notifier.deliver(Reports.newFindings(web("1.25.4", "1.26.0")));
      DeliveryReport second =
          notifier.deliver(Reports.newFindings(web("1.25.4", "1.26.0", "1.27.0")));
      notifier.deliver(Reports.newFindings(web("1.25.4", "1.26.0", "1.27.0")));

      assertThat(second.outcomes().values())
          .singleElement()
          .satisfies(o -> assertThat(o.detail()).isEqualTo("commented on OPS-1"));
    }
    assertThat(jira.violations()).isEmpty();
    assertThat(jira.issues())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.comments()).hasSize(1);
              JsonNode body = issue.comments().get(0);
              if (cloud) {
                assertThat(body.path("type").asText()).isEqualTo("doc");
                assertThat(body.toString())
                    .contains("inspectr found more: 1.27.0 (running 1.25.3).", "New: 1.27.0");
              } else {
                assertThat(body.asText())
                    .startsWith("inspectr found more: 1.27.0 (running 1.25.3).")
                    .contains("{code}", "New: 1.27.0");
              }
            });
    assertThat(slack.accepted())
        .extracting(m -> m.path("text").asText())
        .containsExactly(
            "just created " + jira.url() + "/browse/OPS-1",
            "just commented on " + jira.url() + "/browse/OPS-1");
  }

  @ParameterizedTest(name = "cloud={0}")
  @ValueSource(booleans = {false, true})
  void anIssueOfTheGoToolIsAdoptedAndCommentedNotDuplicated(boolean cloud) throws Exception {
    jira = new FakeJira(cloud, BASIC);
    String goBlock =
        "Name: frontend-v2-5d9c7b-x2x7q\nNamespace: web\nQuantity: 2\nUpgrades: 1.25.4, 1.26.0\nVersion: 1.25.3";
    String other =
        jira.seed(
            "inspectr upgrade [image]: nginx [project]: acme-gce [cluster]: prod [pod]: frontend-v2 [container]: sidecar",
            "{code}\n" + goBlock + "\n{code}");
    String old =
        jira.seed(
            "inspectr upgrade [image]: nginx [project]: acme-gce [cluster]: prod [pod]: frontend-v2 [container]: nginx",
            "{code}\n" + goBlock + "\n{code}");

    try (JiraNotifier notifier = notifier(cloud, Map.of())) {
      DeliveryReport report =
          notifier.deliver(Reports.newFindings(web("1.25.4", "1.26.0", "2.0.0")));
      notifier.deliver(Reports.newFindings(web("1.25.4", "1.26.0", "2.0.0")));

      assertThat(report.outcomes().values())
          .singleElement()
          .satisfies(o -> assertThat(o.detail()).isEqualTo("commented on " + old));
    }
    assertThat(jira.violations()).isEmpty();
    assertThat(jira.issues()).hasSize(2);
    FakeJira.Issue adopted = jira.issues().get(1);
    assertThat(adopted.key()).isEqualTo(old);
    assertThat(adopted.labels())
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("inspectr-"));
    assertThat(adopted.comments()).hasSize(1);
    assertThat(adopted.comments().get(0).toString()).contains("New: 2.0.0");
    assertThat(jira.issues().get(0).labels()).as("the sidecar's issue %s", other).isEmpty();
    assertThat(jira.count("POST", "/issue")).isZero();
  }

  @ParameterizedTest(name = "cloud={0}")
  @ValueSource(booleans = {false, true})
  void theLabelSearchReadsEveryPage(boolean cloud) throws Exception {
    List<InspectrResult> five = Reports.many(5);
    try (JiraNotifier notifier = notifier(cloud, Map.of())) {
      notifier.deliver(Reports.newFindings(five.toArray(InspectrResult[]::new)));
    }
    try (JiraNotifier notifier = notifier(cloud, Map.of())) {
      DeliveryReport again =
          notifier.deliver(Reports.newFindings(five.toArray(InspectrResult[]::new)));
      assertThat(again.outcomes().values())
          .allSatisfy(o -> assertThat(o.detail()).endsWith("already mentions every upgrade"));
    }
    assertThat(jira.issues()).hasSize(5);
    assertThat(jira.violations()).isEmpty();
    // The fake answers two issues a page: pages start at 2 and 4.
    String path = cloud ? "/rest/api/3/search/jql" : "/rest/api/2/search";
    String next = cloud ? "\"nextPageToken\":\"%d\"" : "\"startAt\":%d";
    List<RecordedRequest> searches =
        jira.requests().stream().filter(r -> r.path().equals(path)).toList();
    assertThat(searches)
        .anyMatch(r -> r.body().contains(String.format(next, 2)))
        .anyMatch(r -> r.body().contains(String.format(next, 4)));
  }

  @Test
  void cloudFindsIssuesItCreatedEvenBeforeItsSearchReturnsThem() throws Exception {
    // Cloud's search is eventually consistent: new issues may be missing from it for a while.
    InspectrResult fresh = Reports.outdated("prod", "ops", "late", "app", "redis:7.2.1", "7.2.4");
    try (JiraNotifier notifier = notifier(true, Map.of())) {
      jira.hideNewIssuesFromSearch(true);
      notifier.deliver(Reports.newFindings(fresh));
      DeliveryReport again = notifier.deliver(Reports.newFindings(fresh));
      assertThat(again.outcomes().values())
          .singleElement()
          .satisfies(o -> assertThat(o.detail()).isEqualTo("OPS-1 already mentions every upgrade"));
    }
    assertThat(jira.issues()).hasSize(1);
    assertThat(jira.violations()).isEmpty();
  }

  @Test
  void unknownAndMisfitFieldsAreAllReportedAtOnceWithTheValidNames() throws Exception {
    try (JiraNotifier notifier =
        notifier(false, Map.of("fields", "Team:Marketing,Sprint:5,Colour:red,Story Points:many"))) {
      assertThatThrownBy(() -> notifier.deliver(Reports.newFindings(web("1.25.4"))))
          .isInstanceOfSatisfying(
              NotificationException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("4 problems")
          .hasMessageContaining(
              "the field 'Team' does not allow 'Marketing'; allowed: Platform, Payments")
          .hasMessageContaining(
              "the field 'Sprint' (customfield_10030) is not on the create screen")
          .hasMessageContaining(
              "there is no field 'Colour'; the create screen has: Description, Issue Type, Labels, Project, Story Points, Summary, Team")
          .hasMessageContaining("the field 'Story Points' takes a number, not 'many'");
    }
    assertThat(jira.count("POST", "/issue")).isZero();
  }

  @Test
  void aRequiredFieldLeftOutAndAnUnknownIssueTypeAreNamed() throws Exception {
    try (JiraNotifier notifier =
        notifier(false, Map.of("params", USER + "|" + PASSWORD + "|OPS|Task"))) {
      assertThatThrownBy(() -> notifier.deliver(Reports.test()))
          .hasMessageContaining("the field 'Team' (customfield_10010) is required");
    }
    try (JiraNotifier notifier = notifier(false, Map.of("issue-type", "Epic"))) {
      assertThatThrownBy(() -> notifier.deliver(Reports.test()))
          .hasMessageContaining(
              "project OPS has no issue type 'Epic'; set issue-type to one of: Bug, Task");
    }
  }

  @Test
  void aTestReportChecksSignInProjectAndFieldsButCreatesNothing() throws Exception {
    try (JiraNotifier notifier = notifier(false, Map.of())) {
      assertThat(notifier.deliver(Reports.test()).outcomes()).isEmpty();
    }
    assertThat(jira.count("GET", "/myself")).isEqualTo(1);
    assertThat(jira.count("GET", "/issuetypes/10003")).isPositive();
    assertThat(jira.issues()).isEmpty();
    assertThat(slack.requests()).isEmpty();
  }

  @Test
  void refusedCredentialsArePermanentAndNeverEchoed() throws Exception {
    try (JiraNotifier notifier =
        notifier(false, Map.of("params", USER + "|Wr0ngPassw0rd|OPS|Task|Team:Platform"))) {
      assertThatThrownBy(() -> notifier.deliver(Reports.newFindings(web("1.25.4"))))
          .isInstanceOfSatisfying(
              NotificationException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining("check the credentials")
          .hasMessageNotContaining("Wr0ngPassw0rd");
    }
  }

  @Test
  void linksToSlackCanBeSwitchedOff() throws Exception {
    try (JiraNotifier notifier = notifier(false, Map.of("post-links-to-slack", "false"))) {
      notifier.deliver(Reports.newFindings(web("1.25.4")));
    }
    assertThat(jira.issues()).hasSize(1);
    assertThat(slack.requests()).isEmpty();
  }

  @Test
  void upToDateResultsNeedNoIssue() throws Exception {
    try (JiraNotifier notifier = notifier(false, Map.of())) {
      DeliveryReport report =
          notifier.deliver(
              Reports.full(
                  List.of(Reports.upToDate("prod", "db", "pg", "pg", "postgres:16.1")), List.of()));
      assertThat(report.allDelivered()).isTrue();
    }
    assertThat(jira.issues()).isEmpty();
  }

  private DeliveryReport deliverFresh(Map<String, String> extra, InspectrResult... findings)
      throws Exception {
    try (JiraNotifier notifier = notifier(false, extra)) {
      return notifier.deliver(Reports.newFindings(findings));
    }
  }

  private static String issueKey(DeliveryReport report, InspectrResult finding) {
    return report.outcomes().get(finding.key()).detail().replaceAll(".*(OPS-\\d+).*", "$1");
  }

  private List<String> linkLines() {
    return slack.accepted().stream()
        .flatMap(m -> Arrays.stream(m.path("text").asText().split("\n")))
        .toList();
  }

  @Test
  void configuredLabelsJoinInspectrsOwnSoThatAfterARestartTheIssueIsFoundAgain() throws Exception {
    Map<String, String> labels =
        Map.of("params", USER + "|" + PASSWORD + "|OPS|Task|Team:Platform,Labels:k8s;platform");
    DeliveryReport first = deliverFresh(labels, web("1.25.4"));
    DeliveryReport again = deliverFresh(labels, web("1.25.4"));

    assertThat(first.outcomes().values())
        .singleElement()
        .satisfies(o -> assertThat(o.detail()).isEqualTo("created OPS-1"));
    assertThat(again.outcomes().values())
        .singleElement()
        .satisfies(o -> assertThat(o.detail()).isEqualTo("OPS-1 already mentions every upgrade"));
    assertThat(jira.issues())
        .singleElement()
        .satisfies(
            issue ->
                assertThat(issue.labels())
                    .contains("inspectr", "k8s", "platform")
                    .anyMatch(l -> l.matches("inspectr-[0-9a-f]{16}")));
    assertThat(jira.violations()).isEmpty();
  }

  @Test
  void aForbiddenOrVanishedIssueFailsOnlyItsOwnFinding() throws Exception {
    InspectrResult one = Reports.outdated("prod", "a", "one", "app", "acme/one:1.0.0", "1.0.1");
    InspectrResult two = Reports.outdated("prod", "a", "two", "app", "acme/two:1.0.0", "1.0.1");
    InspectrResult three =
        Reports.outdated("prod", "a", "three", "app", "acme/three:1.0.0", "1.0.1");
    DeliveryReport first = deliverFresh(Map.of(), one, two, three);
    jira.failIssue(
        issueKey(first, one), 403, "You do not have the permission to comment on this issue.");
    jira.failIssue(
        issueKey(first, two), 404, "Issue does not exist or you do not have permission to see it.");

    DeliveryReport second =
        deliverFresh(
            Map.of(),
            Reports.outdated("prod", "a", "one", "app", "acme/one:1.0.0", "1.0.1", "1.0.2"),
            Reports.outdated("prod", "a", "two", "app", "acme/two:1.0.0", "1.0.1", "1.0.2"),
            Reports.outdated("prod", "a", "three", "app", "acme/three:1.0.0", "1.0.1", "1.0.2"));

    assertThat(second.outcomes().get(one.key()))
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.PERMANENT_FAILURE);
              assertThat(o.detail())
                  .contains("HTTP 403", issueKey(first, one), "permission")
                  .doesNotContain("inspectr.notify.jira.url");
            });
    assertThat(second.outcomes().get(two.key()))
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.PERMANENT_FAILURE);
              assertThat(o.detail())
                  .contains("HTTP 404", issueKey(first, two), "deleted or moved")
                  .doesNotContain("inspectr.notify.jira.url");
            });
    assertThat(second.outcomes().get(three.key()).detail())
        .isEqualTo("commented on " + issueKey(first, three));
  }

  @Test
  void findingsNotTriedAfterJiraFailedAsAWholeAreOfferedAgain() throws Exception {
    InspectrResult one = Reports.outdated("prod", "a", "one", "app", "acme/one:1.0.0", "1.0.1");
    InspectrResult two = Reports.outdated("prod", "a", "two", "app", "acme/two:1.0.0", "1.0.1");
    InspectrResult three =
        Reports.outdated("prod", "a", "three", "app", "acme/three:1.0.0", "1.0.1");
    DeliveryReport first = deliverFresh(Map.of(), one, three, two);
    // The account was locked while inspectr worked: JIRA refuses it from the second issue on.
    jira.failIssue(issueKey(first, three), 401, "You are not authenticated.");

    DeliveryReport second =
        deliverFresh(
            Map.of(),
            one,
            Reports.outdated("prod", "a", "three", "app", "acme/three:1.0.0", "1.0.1", "1.0.2"),
            Reports.outdated("prod", "a", "two", "app", "acme/two:1.0.0", "1.0.1", "1.0.2"));

    assertThat(second.outcomes().get(one.key()).isDelivered()).isTrue();
    assertThat(second.outcomes().get(three.key()).status())
        .isEqualTo(DeliveryOutcome.Status.PERMANENT_FAILURE);
    assertThat(second.outcomes().get(two.key()))
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.RETRYABLE_FAILURE);
              assertThat(o.detail()).startsWith("Not sent because an earlier request failed");
            });
    assertThat(jira.count("GET", issueKey(first, two) + "/comment")).isZero();
  }

  @ParameterizedTest(name = "label edit answered {0}")
  @ValueSource(ints = {400, 403})
  void anIssueOfTheGoToolThatCannotBeLabelledIsCommentedAnywayAndFoundAgainBySummary(int status)
      throws Exception {
    jira = new FakeJira(false, BASIC);
    String old =
        jira.seed(
            "inspectr upgrade [image]: nginx [project]: acme-gce [cluster]: prod [pod]: frontend-v2 [container]: nginx",
            "{code}\nNamespace: web\nUpgrades: 1.25.4\nVersion: 1.25.3\n{code}");
    jira.rejectLabelEdits(
        status, "Field 'labels' cannot be set. It is not on the appropriate screen, or unknown.");

    DeliveryReport first = deliverFresh(Map.of(), web("1.25.4", "1.26.0"));
    DeliveryReport again = deliverFresh(Map.of(), web("1.25.4", "1.26.0"));

    assertThat(first.outcomes().values())
        .singleElement()
        .satisfies(o -> assertThat(o.detail()).isEqualTo("commented on " + old));
    assertThat(again.outcomes().values())
        .singleElement()
        .satisfies(o -> assertThat(o.detail()).isEqualTo(old + " already mentions every upgrade"));
    assertThat(jira.issues()).singleElement().satisfies(i -> assertThat(i.comments()).hasSize(1));
    assertThat(jira.count("POST", "/issue")).isZero();
  }

  @ParameterizedTest(name = "cloud={0}")
  @ValueSource(booleans = {false, true})
  void withoutDescriptionOnTheCreateScreenTheDetailsBecomeTheFirstComment(boolean cloud)
      throws Exception {
    jira = new FakeJira(cloud, BASIC);
    jira.descriptionOnScreen(false);
    try (JiraNotifier notifier = notifier(cloud, Map.of())) {
      notifier.deliver(Reports.newFindings(web("1.25.4", "1.26.0")));
    }
    DeliveryReport again;
    try (JiraNotifier notifier = notifier(cloud, Map.of())) {
      again = notifier.deliver(Reports.newFindings(web("1.25.4", "1.26.0")));
    }

    assertThat(again.outcomes().values())
        .singleElement()
        .satisfies(o -> assertThat(o.detail()).isEqualTo("OPS-1 already mentions every upgrade"));
    assertThat(jira.violations()).isEmpty();
    assertThat(jira.issues())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.description().isMissingNode()).isTrue();
              assertThat(issue.comments()).hasSize(1);
              assertThat(issue.comments().get(0).toString()).contains("Upgrades: 1.25.4, 1.26.0");
            });
  }

  @Test
  void theLinksOfOneDeliveryGoToSlackInAsFewMessagesAsItsLimitsAllow() throws Exception {
    List<InspectrResult> many = Reports.many(150);
    DeliveryReport report =
        deliverFresh(Map.of("legacy-summary-search", "false"), many.toArray(InspectrResult[]::new));

    assertThat(report.allDelivered()).isTrue();
    assertThat(slack.violations()).isEmpty();
    assertThat(slack.accepted())
        .hasSize(2)
        .allSatisfy(m -> assertThat(m.path("text").asText().length()).isLessThanOrEqualTo(4_000));
    assertThat(linkLines())
        .hasSize(150)
        .doesNotHaveDuplicates()
        .allSatisfy(l -> assertThat(l).matches("just created .*/browse/OPS-\\d+"));
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aRevokedLinkWebhookStopsTheLinksButNotTheIssues() throws Exception {
    slack.enqueue(FakeResponse.of(404, "no_service"));
    List<InspectrResult> many = Reports.many(150);
    DeliveryReport report =
        deliverFresh(Map.of("legacy-summary-search", "false"), many.toArray(InspectrResult[]::new));

    assertThat(report.allDelivered()).isTrue();
    assertThat(jira.issues()).hasSize(150);
    assertThat(slack.requests()).hasSize(1);
  }

  @Test
  void aDeliveryStopsAtItsTimeBudgetAndOffersTheRestAgain() throws Exception {
    jira = new FakeJira(false, BASIC);
    // Every request takes a second of the test clock.
    jira.onEveryRequest(() -> clock.advance(Duration.ofSeconds(1)));
    List<InspectrResult> many = Reports.many(40);
    DeliveryReport report =
        deliverFresh(
            Map.of("legacy-summary-search", "false", "max-delivery-time", "20s"),
            many.toArray(InspectrResult[]::new));

    Map<DeliveryOutcome.Status, Long> counts = Reports.countByStatus(report);
    assertThat(counts.get(DeliveryOutcome.Status.DELIVERED))
        .isPositive()
        .isEqualTo(jira.count("POST", "/issue"));
    assertThat(counts.get(DeliveryOutcome.Status.RETRYABLE_FAILURE)).isPositive();
    assertThat(counts).doesNotContainKey(DeliveryOutcome.Status.PERMANENT_FAILURE);
    assertThat(report.outcomes().values())
        .filteredOn(o -> !o.isDelivered())
        .allSatisfy(o -> assertThat(o.detail()).contains("max-delivery-time"));
  }
}
