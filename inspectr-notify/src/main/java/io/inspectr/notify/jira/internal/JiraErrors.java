package io.inspectr.notify.jira.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inspectr.notify.internal.ErrorExplainer;
import io.inspectr.notify.internal.HttpAnswer;
import io.inspectr.notify.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * JIRA's error answers: {@code {"errorMessages":[...],"errors":{"field":"..."}}}, and what a person
 * does about the common ones, for JIRA as a whole or for one issue.
 */
final class JiraErrors implements ErrorExplainer {
  private final String project;
  private final @Nullable String issueKey;

  JiraErrors(String project) {
    this(project, null);
  }

  private JiraErrors(String project, @Nullable String issueKey) {
    this.project = project;
    this.issueKey = issueKey;
  }

  /**
   * The explainer of a failed request about one issue: a {@code 403} or {@code 404} there concerns
   * that issue, not the URL or the account as a whole.
   *
   * @param project the project key
   * @param issueKey the issue
   * @return never {@code null}
   */
  static ErrorExplainer forIssue(String project, String issueKey) {
    return new JiraErrors(project, issueKey);
  }

  @Override
  public String describe(HttpAnswer answer) {
    JsonNode body = Json.readTree(answer.body());
    List<String> said = new ArrayList<>();
    body.path("errorMessages").forEach(m -> said.add(m.asText()));
    body.path("errors")
        .properties()
        .forEach(e -> said.add(e.getKey() + ": " + e.getValue().asText()));
    if (said.isEmpty()) {
      return body.isMissingNode() ? ErrorExplainer.snippet(answer.body()) : "";
    }
    return ErrorExplainer.snippet(String.join("; ", said));
  }

  @Override
  public Optional<String> fix(HttpAnswer answer) {
    if (issueKey != null && (answer.status() == 403 || answer.status() == 404)) {
      return Optional.of(issueFix(answer.status(), issueKey));
    }
    switch (answer.status()) {
      case 401:
        return Optional.of(
            "check the credentials: Cloud takes email and api-token, Data Center a pat or user"
                + " and password");
      case 403:
        return Optional.of(
            "check that the account may browse, create and comment issues in project "
                + project
                + " (after failed logins JIRA may want a CAPTCHA solved in the browser)");
      case 404:
        return Optional.of(
            "check inspectr.notify.jira.url (JIRA's base URL, without /rest) and the project key "
                + project);
      case 410:
        return Optional.of(
            "set inspectr.notify.jira.flavour to cloud: this JIRA removed the API inspectr used");
      default:
        return Optional.empty();
    }
  }

  private String issueFix(int status, String key) {
    if (status == 403) {
      return "check that the account may see and change "
          + key
          + ": it needs the Browse Projects and Add Comments permissions (and Edit Issues to label"
          + " an issue of the original inspectr) in project "
          + project
          + ", and no issue security level may hide "
          + key
          + " from it";
    }
    return "check whether "
        + key
        + " was deleted or moved out of project "
        + project
        + ": once inspectr no longer finds it by its label, it creates a new issue for this"
        + " finding";
  }
}
