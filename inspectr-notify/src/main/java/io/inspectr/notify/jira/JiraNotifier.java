package io.inspectr.notify.jira;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.inspectr.core.config.Secret;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.spi.NotificationException;
import io.inspectr.core.spi.Notifier;
import io.inspectr.notify.internal.Budget;
import io.inspectr.notify.internal.Deliveries;
import io.inspectr.notify.internal.Findings;
import io.inspectr.notify.internal.HttpVerdict;
import io.inspectr.notify.internal.Redactor;
import io.inspectr.notify.internal.Sleeper;
import io.inspectr.notify.jira.internal.CreateTemplate;
import io.inspectr.notify.jira.internal.IssueLinks;
import io.inspectr.notify.jira.internal.IssueTracker;
import io.inspectr.notify.jira.internal.JiraApi;
import io.inspectr.notify.jira.internal.JiraCallException;
import io.inspectr.notify.jira.internal.JiraClient;
import io.inspectr.notify.jira.internal.JiraIssue;
import io.inspectr.notify.jira.internal.JiraSetupException;
import io.inspectr.notify.slack.SlackNotifierConfig;
import io.inspectr.notify.slack.internal.SlackWebhook;
import io.inspectr.notify.slack.json.SlackMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one JIRA issue per result key (see {@code docs/notifiers.md}): creates it the first time,
 * comments when upgrades appear that it does not mention yet, and otherwise leaves it alone. Issues
 * of the original Go tool are found by its summary and adopted. Talks REST API v2 with wiki markup
 * to Server/Data Center and v3 with ADF to Cloud. After a delivery it posts the links of the issues
 * it created or commented ({@code just created <url>/browse/KEY}) to Slack, as the original tool
 * did, when a webhook is configured: all in as few messages as Slack's limits allow.
 *
 * <p>A {@code 403} or {@code 404} about one issue (deleted, moved, not to be commented) fails that
 * finding only; a failure of JIRA as a whole ends the delivery and leaves the findings not tried
 * for a later cycle, as does the end of {@code max-delivery-time}.
 *
 * <p>The first delivery (or a test report) checks the sign-in, the project, the issue type and the
 * configured fields, and reports every field that does not fit at once. A test report creates
 * nothing. Thread-safe: deliveries take turns.
 *
 * @since 0.1
 */
public final class JiraNotifier implements Notifier {
  /** The notifier id. */
  public static final String ID = "jira";

  private static final Logger LOG = LoggerFactory.getLogger(JiraNotifier.class);

  /** The sender name of link messages, as the original tool posted them. */
  private static final String LINK_SENDER = "inspectr";

  private final JiraNotifierConfig config;
  private final Clock clock;
  private final JiraClient client;
  private final @Nullable SlackWebhook slack;
  private final ConcurrentMap<String, String> created = new ConcurrentHashMap<>();
  private @Nullable Setup setup;

  /** What the first delivery learnt about this JIRA. */
  private record Setup(JiraApi api, CreateTemplate template) {}

  /**
   * Creates a notifier with the system clock.
   *
   * @param config the configuration
   */
  public JiraNotifier(JiraNotifierConfig config) {
    this(config, Clock.systemUTC(), Sleeper.system());
  }

  JiraNotifier(JiraNotifierConfig config, Clock clock, Sleeper sleeper) {
    this.config = requireNonNull(config, "config");
    this.clock = requireNonNull(clock, "clock");
    List<Secret> secrets = new ArrayList<>(config.credentials().secrets());
    Secret webhook = config.slackWebhookUrl();
    if (webhook != null) {
      secrets.add(webhook);
    }
    this.client =
        new JiraClient(
            config.url(),
            config.credentials(),
            config.project(),
            config.http(),
            clock,
            sleeper,
            Redactor.of(secrets));
    this.slack =
        webhook == null
            ? null
            : SlackWebhook.open(
                webhook, SlackNotifierConfig.DEFAULT_MIN_INTERVAL, config.http(), clock, sleeper);
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * Tracks every finding of the report in its issue; a test report only checks the setup.
   *
   * @throws NotificationException when JIRA refused the sign-in or the configuration does not fit
   *     it (every problem listed), or when it failed before anything was done
   */
  @Override
  public synchronized DeliveryReport deliver(Report report) throws NotificationException {
    Deliveries deliveries = new Deliveries(ID);
    Budget budget = Budget.start(clock, config.http().maxDeliveryTime());
    try {
      Setup ready = setup();
      if (report.kind() == Report.Kind.TEST) {
        LOG.info("JIRA at {} accepts inspectr for project {}", config.url(), config.project());
        return new DeliveryReport(ID, Map.of());
      }
      for (InspectrResult result : report.results()) {
        if (!result.isFinding()) {
          deliveries.nothingToDo(result.key(), "nothing to track: up to date");
        }
      }
      IssueLinks links = new IssueLinks(config.browseUrl().toString());
      track(ready, Findings.findings(report), deliveries, budget, links);
      postLinks(links, budget);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deliveries.interrupted();
    }
    return deliveries.finish(report);
  }

  private void track(
      Setup ready,
      List<InspectrResult> findings,
      Deliveries deliveries,
      Budget budget,
      IssueLinks links)
      throws InterruptedException {
    if (findings.isEmpty()) {
      return;
    }
    IssueTracker tracker =
        new IssueTracker(
            client,
            ready.api(),
            new IssueTracker.Settings(
                config.project(), config.labels(), config.legacySearch(), config.legacyCluster()),
            ready.template(),
            created);
    Map<ResultKey, JiraIssue> known;
    try {
      known = tracker.findByLabels(findings);
    } catch (JiraCallException e) {
      fail(findings, e.verdict(), deliveries);
      return;
    }
    for (InspectrResult finding : findings) {
      if (budget.stops(deliveries)) {
        break;
      }
      try {
        IssueTracker.Tracked tracked = tracker.track(finding, known.get(finding.key()));
        deliveries.record(finding.key(), DeliveryOutcome.delivered(tracked.detail()));
        links.add(tracked);
      } catch (JiraCallException e) {
        fail(List.of(finding), e.verdict(), deliveries);
        if (e.status() == 400) {
          // Fields may have changed in JIRA: resolve them again on the next delivery.
          setup = null;
        }
      }
    }
  }

  private static void fail(
      List<InspectrResult> findings, HttpVerdict verdict, Deliveries deliveries) {
    LOG.warn("{}", verdict.reason());
    findings.forEach(f -> deliveries.record(f.key(), verdict.outcome("")));
    if (verdict.receiverWide()) {
      deliveries.receiverFailed(verdict);
    }
  }

  private Setup setup() throws NotificationException, InterruptedException {
    Setup known = setup;
    if (known != null) {
      return known;
    }
    try {
      // API v2 answers on both flavours, so the sign-in can be checked before the flavour is known.
      client.get("/rest/api/2/myself", "sign in");
      JiraApi api = api();
      if (api.isCloud() && config.credentials().isBearer()) {
        throw new NotificationException(
            ID,
            "Jira Cloud at "
                + config.url()
                + " does not accept personal access tokens; set email and api-token instead",
            false,
            null);
      }
      CreateTemplate template =
          CreateTemplate.resolve(
              client, api, config.project(), config.issueType(), config.fields());
      LOG.info("Talking to {} at {}, project {}", api, config.url(), config.project());
      known = new Setup(api, template);
      setup = known;
      return known;
    } catch (JiraCallException e) {
      throw new NotificationException(ID, e.getMessage(), e.verdict().isRetryable(), null);
    } catch (JiraSetupException e) {
      throw new NotificationException(ID, e.getMessage(), false, null);
    }
  }

  private JiraApi api() throws JiraCallException, InterruptedException {
    if (config.flavour() != JiraFlavour.AUTO) {
      return JiraApi.of(config.flavour() == JiraFlavour.CLOUD);
    }
    JsonNode info = client.get("/rest/api/2/serverInfo", "detect the JIRA flavour");
    return JiraApi.of(info.path("deploymentType").asText("").equalsIgnoreCase("Cloud"));
  }

  /**
   * Posts the links of one delivery to Slack in as few messages as its limits allow. A failure of
   * the webhook itself (revoked, unreachable) ends the posting; no failure here changes what became
   * of the findings.
   */
  private void postLinks(IssueLinks links, Budget budget) throws InterruptedException {
    SlackWebhook webhook = slack;
    if (webhook == null || links.size() == 0) {
      return;
    }
    List<String> messages = links.messages();
    for (int i = 0; i < messages.size(); i++) {
      if (budget.isSpent()) {
        LOG.warn("Not posting the rest of the JIRA links to Slack: max-delivery-time is used up");
        return;
      }
      String which = "message " + (i + 1) + " of " + messages.size();
      HttpVerdict verdict =
          webhook.post(
              SlackMessage.text(messages.get(i), LINK_SENDER),
              "post the links to " + links.size() + " JIRA issues (" + which + ")");
      if (!verdict.isDelivered()) {
        LOG.warn("Could not post the JIRA links to Slack: {}", verdict.reason());
        if (verdict.receiverWide()) {
          return;
        }
      }
    }
  }

  /** Closes the connections. */
  @Override
  public void close() {
    client.close();
    if (slack != null) {
      slack.close();
    }
  }

  /** Names the notifier and its JIRA, never the credentials. */
  @Override
  public String toString() {
    return "JiraNotifier["
        + config.url()
        + ", project "
        + config.project()
        + ", "
        + config.credentials()
        + "]";
  }
}
