package io.inspectr.notify.jira.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.notify.internal.HttpVerdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one JIRA issue per result key: finds it by the key's exact label (or, for issues the
 * original Go tool created, by its summary, then labels it), creates it when there is none, and
 * comments only with upgrades the issue does not mention yet. Not thread-safe: one per delivery.
 */
public final class IssueTracker {
  /** How many labels one search asks for. */
  static final int LABELS_PER_SEARCH = 50;

  private static final Logger LOG = LoggerFactory.getLogger(IssueTracker.class);

  private final JiraClient client;
  private final JiraApi api;
  private final Settings settings;
  private final CreateTemplate template;
  private final ConcurrentMap<String, String> created;

  /**
   * What the tracker needs from the configuration.
   *
   * @param project the project key
   * @param labels labels put on every new issue besides the key's
   * @param legacySearch whether to look for the original tool's issues
   * @param legacyCluster the cluster name the original tool used, or {@code null}
   */
  public record Settings(
      String project, List<String> labels, boolean legacySearch, @Nullable String legacyCluster) {
    /** Checks and copies the parts. */
    public Settings {
      requireNonNull(project, "project");
      labels = List.copyOf(labels);
    }
  }

  /**
   * What happened to one finding.
   *
   * @param issueKey the issue, e.g. {@code OPS-12}
   * @param action what was done
   */
  public record Tracked(String issueKey, Action action) {
    /** What was done to the issue. */
    public enum Action {
      /** A new issue. */
      CREATED,
      /** A comment with new upgrades. */
      COMMENTED,
      /** Nothing: the issue mentions every upgrade already. */
      UNCHANGED
    }

    /**
     * The confirmation for the delivery outcome.
     *
     * @return e.g. {@code created OPS-12}
     */
    public String detail() {
      switch (action) {
        case CREATED:
          return "created " + issueKey;
        case COMMENTED:
          return "commented on " + issueKey;
        default:
          return issueKey + " already mentions every upgrade";
      }
    }
  }

  /**
   * Creates a tracker.
   *
   * @param client the client
   * @param api the API flavour
   * @param settings what to look for and put on issues
   * @param template the issue type and extra fields of new issues
   * @param created label to issue key of issues created by this process, which a Cloud search may
   *     not return yet (its search is eventually consistent); shared across deliveries
   */
  public IssueTracker(
      JiraClient client,
      JiraApi api,
      Settings settings,
      CreateTemplate template,
      ConcurrentMap<String, String> created) {
    this.client = requireNonNull(client, "client");
    this.api = requireNonNull(api, "api");
    this.settings = requireNonNull(settings, "settings");
    this.template = requireNonNull(template, "template");
    this.created = requireNonNull(created, "created");
  }

  /**
   * Finds the issues of many findings at once, by their labels. Prefers an issue that is not done,
   * then the oldest.
   *
   * @param findings the findings
   * @return key to its issue; keys without an issue are absent
   * @throws JiraCallException when a search failed
   * @throws InterruptedException when interrupted
   */
  public Map<ResultKey, JiraIssue> findByLabels(Collection<InspectrResult> findings)
      throws JiraCallException, InterruptedException {
    Map<String, ResultKey> byLabel = new LinkedHashMap<>();
    findings.forEach(f -> byLabel.put(IssueLabel.of(f.key()), f.key()));
    List<String> labels = new ArrayList<>(byLabel.keySet());
    Map<ResultKey, JiraIssue> found = new HashMap<>();
    for (int i = 0; i < labels.size(); i += LABELS_PER_SEARCH) {
      List<String> chunk = labels.subList(i, Math.min(labels.size(), i + LABELS_PER_SEARCH));
      String jql =
          "project = "
              + Jql.string(settings.project())
              + " AND labels in "
              + Jql.list(chunk)
              + " ORDER BY created ASC";
      for (JsonNode json : api.search(client, jql, JiraIssue.FIELDS, "search issues by label")) {
        JiraIssue issue = JiraIssue.of(json);
        for (String label : issue.labels()) {
          ResultKey key = byLabel.get(label);
          if (key != null) {
            found.merge(key, issue, (old, now) -> old.done() && !now.done() ? now : old);
          }
        }
      }
    }
    return found;
  }

  /**
   * Makes sure the issue of a finding tells about all its upgrades.
   *
   * @param finding the finding
   * @param known its issue found by label, or {@code null}
   * @return what was done
   * @throws JiraCallException when a request failed
   * @throws InterruptedException when interrupted
   */
  public Tracked track(InspectrResult finding, @Nullable JiraIssue known)
      throws JiraCallException, InterruptedException {
    String label = IssueLabel.of(finding.key());
    JiraIssue issue = known;
    if (issue == null && created.containsKey(label)) {
      issue = fetch(created.get(label));
    }
    if (issue == null && settings.legacySearch()) {
      issue = adoptLegacy(finding, label);
    }
    if (issue == null) {
      String key = create(finding, label);
      created.put(label, key);
      if (!template.descriptionOnScreen()) {
        describe(finding, label, key);
      }
      return new Tracked(key, Tracked.Action.CREATED);
    }
    Mentions mentions = new Mentions(finding.key().namespace()).read(api.text(issue.description()));
    List<String> fresh = fresh(finding, mentions);
    boolean rebuilt = newRebuild(finding, mentions);
    if (!fresh.isEmpty() || rebuilt) {
      // The description does not cover everything; comments may.
      for (JsonNode comment :
          JiraApi.pages(
              client,
              issue.key(),
              api.path("/issue/" + issue.key() + "/comment"),
              "read the comments of " + issue.key(),
              "comments")) {
        mentions.read(api.text(comment.path("body")));
      }
      fresh = fresh(finding, mentions);
      rebuilt = newRebuild(finding, mentions);
    }
    if (fresh.isEmpty() && !rebuilt) {
      return new Tracked(issue.key(), Tracked.Action.UNCHANGED);
    }
    client.onIssue(
        issue.key(),
        "POST",
        api.path("/issue/" + issue.key() + "/comment"),
        JiraJson.comment(api.body(IssueTexts.comment(finding, fresh, rebuilt))),
        "comment on " + issue.key());
    return new Tracked(issue.key(), Tracked.Action.COMMENTED);
  }

  private static List<String> fresh(InspectrResult finding, Mentions mentions) {
    return finding.upgrades().upgrades().stream()
        .filter(t -> !mentions.mentionsUpgrade(t))
        .toList();
  }

  private static boolean newRebuild(InspectrResult finding, Mentions mentions) {
    return finding.digestCheck().isRebuilt()
        && finding.digestCheck().current() != null
        && !mentions.mentionsDigest(finding.digestCheck().current().toString());
  }

  private @Nullable JiraIssue fetch(String key) throws JiraCallException, InterruptedException {
    try {
      return JiraIssue.of(
          client.onIssue(
              key,
              "GET",
              api.path("/issue/" + key + "?fields=" + String.join(",", JiraIssue.FIELDS)),
              null,
              "read " + key));
    } catch (JiraCallException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  private @Nullable JiraIssue adoptLegacy(InspectrResult finding, String label)
      throws JiraCallException, InterruptedException {
    ResultKey key = finding.key();
    String jql =
        "project = "
            + Jql.string(settings.project())
            + " AND summary ~ "
            + Jql.phrase(LegacySummary.PREFIX)
            + " AND summary ~ "
            + Jql.phrase(key.workload().name())
            + " ORDER BY created ASC";
    JiraIssue match = null;
    for (JsonNode json :
        api.search(client, jql, JiraIssue.FIELDS, "search issues of the original inspectr")) {
      JiraIssue issue = JiraIssue.of(json);
      boolean same =
          LegacySummary.parse(issue.summary())
              .map(s -> s.matches(key, settings.legacyCluster()))
              .orElse(false);
      if (same && (match == null || (match.done() && !issue.done()))) {
        match = issue;
      }
    }
    if (match == null) {
      return null;
    }
    try {
      client.onIssue(
          match.key(),
          "PUT",
          api.path("/issue/" + match.key()),
          JiraJson.addLabel(label),
          "label " + match.key());
      LOG.info(
          "Adopted {}, made by the original inspectr, for {}: labelled it {}",
          match.key(),
          key,
          label);
    } catch (JiraCallException e) {
      if (e.verdict().receiverWide()) {
        throw e;
      }
      // Labels not on the edit screen, no Edit Issues permission: the summary search finds the
      // issue again next time, so it is still the issue of this finding.
      LOG.warn(
          "Using {}, made by the original inspectr, for {} without its label: {}",
          match.key(),
          key,
          e.getMessage());
    }
    return match;
  }

  private String create(InspectrResult finding, String label)
      throws JiraCallException, InterruptedException {
    List<String> labels = new ArrayList<>();
    labels.add(label);
    labels.addAll(settings.labels());
    template.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
    ObjectNode body =
        JiraJson.createIssue(
            settings.project(),
            template.issueTypeId(),
            IssueTexts.summary(finding.key()),
            template.descriptionOnScreen()
                ? api.body(IssueTexts.description(finding, label))
                : null,
            labels,
            template.fields());
    JsonNode answer =
        client.send("POST", api.path("/issue"), body, "create an issue for " + finding.key());
    String key = answer.path("key").asText("");
    if (key.isEmpty()) {
      throw new JiraCallException(
          new HttpVerdict(
              DeliveryOutcome.Status.RETRYABLE_FAILURE,
              false,
              HttpVerdict.TRIED_TO
                  + "create an issue for "
                  + finding.key()
                  + " in JIRA but failed because: its answer named no issue key",
              null,
              201));
    }
    LOG.info("Created {} for {}", key, finding.key());
    return key;
  }

  /**
   * Writes what a description would hold into a first comment, for a create screen without
   * Description, so that the issue mentions its upgrades and the next report finds nothing new.
   * When that fails the issue still stands; the next report comments every upgrade instead.
   */
  private void describe(InspectrResult finding, String label, String issueKey)
      throws InterruptedException {
    try {
      client.onIssue(
          issueKey,
          "POST",
          api.path("/issue/" + issueKey + "/comment"),
          JiraJson.comment(api.body(IssueTexts.description(finding, label))),
          "comment the details on " + issueKey);
    } catch (JiraCallException e) {
      LOG.warn("Created {} but could not comment its details: {}", issueKey, e.getMessage());
    }
  }
}
