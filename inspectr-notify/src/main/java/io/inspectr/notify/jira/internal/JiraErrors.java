package io.inspectr.notify.jira.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inspectr.notify.internal.ErrorExplainer;
import io.inspectr.notify.internal.HttpAnswer;
import io.inspectr.notify.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JIRA's error answers: {@code {"errorMessages":[...],"errors":{"field":"..."}}}, and what a person
 * does about the common ones.
 */
final class JiraErrors implements ErrorExplainer {
  private final String project;

  JiraErrors(String project) {
    this.project = project;
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
}
