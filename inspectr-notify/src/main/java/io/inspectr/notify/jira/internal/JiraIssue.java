package io.inspectr.notify.jira.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An issue as a search returned it.
 *
 * @param key e.g. {@code OPS-12}
 * @param summary its summary
 * @param description its description, a wiki string or an ADF document, possibly null
 * @param done whether its status is in the Done category
 * @param labels its labels
 */
public record JiraIssue(
    String key, String summary, JsonNode description, boolean done, List<String> labels) {

  /** The fields a search asks for. */
  public static final List<String> FIELDS = List.of("summary", "status", "labels", "description");

  /** Checks and copies the parts. */
  public JiraIssue {
    requireNonNull(key, "key");
    requireNonNull(summary, "summary");
    requireNonNull(description, "description");
    labels = List.copyOf(labels);
  }

  /**
   * Reads an issue of a search or GET answer.
   *
   * @param issue the issue JSON
   * @return never {@code null}
   */
  public static JiraIssue of(JsonNode issue) {
    JsonNode fields = issue.path("fields");
    List<String> labels = new ArrayList<>();
    fields.path("labels").forEach(l -> labels.add(l.asText()));
    return new JiraIssue(
        issue.path("key").asText(),
        fields.path("summary").asText(""),
        fields.path("description"),
        fields.path("status").path("statusCategory").path("key").asText("").equals("done"),
        labels);
  }
}
