package io.inspectr.notify.jira.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies inspectr sends to JIRA, built as Jackson trees in this one place (rich text
 * comes from {@link IssueText}, field values from {@link CreateTemplate}).
 */
final class JiraJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JiraJson() {}

  /**
   * A search page: {@code {"jql", "maxResults", "fields", "startAt" | "nextPageToken"}}.
   *
   * @param jql the query
   * @param fields the fields to return
   * @param maxResults the page size
   * @param startAt the offset (Server), or {@code null}
   * @param nextPageToken the token of the next page (Cloud), or {@code null}
   * @return the body
   */
  static ObjectNode search(
      String jql,
      List<String> fields,
      int maxResults,
      @Nullable Integer startAt,
      @Nullable String nextPageToken) {
    ObjectNode body = NODES.objectNode().put("jql", jql).put("maxResults", maxResults);
    fields.forEach(body.putArray("fields")::add);
    if (startAt != null) {
      body.put("startAt", startAt);
    }
    if (nextPageToken != null) {
      body.put("nextPageToken", nextPageToken);
    }
    return body;
  }

  /**
   * A new issue: {@code {"fields": {"project": {"key"}, "issuetype": {"id"}, "summary",
   * "description", "labels", ...}}}.
   *
   * @param project the project key
   * @param issueTypeId the issue type's id
   * @param summary the summary
   * @param description the description as the API takes it (wiki text or ADF), or {@code null}
   * @param labels the labels
   * @param extra further fields by id
   * @return the body
   */
  static ObjectNode createIssue(
      String project,
      String issueTypeId,
      String summary,
      @Nullable JsonNode description,
      List<String> labels,
      Map<String, JsonNode> extra) {
    ObjectNode body = NODES.objectNode();
    ObjectNode fields = body.putObject("fields");
    // The configured fields first, so that none can replace what inspectr finds its issues by.
    extra.forEach(fields::set);
    fields.putObject("project").put("key", project);
    fields.putObject("issuetype").put("id", issueTypeId);
    fields.put("summary", summary);
    if (description != null) {
      fields.set("description", description);
    }
    ArrayNode list = fields.putArray("labels");
    labels.forEach(list::add);
    return body;
  }

  /**
   * A comment: {@code {"body": ...}}.
   *
   * @param text the text as the API takes it (wiki text or ADF)
   * @return the body
   */
  static ObjectNode comment(JsonNode text) {
    ObjectNode body = NODES.objectNode();
    body.set("body", text);
    return body;
  }

  /**
   * An edit that adds a label: {@code {"update": {"labels": [{"add": label}]}}}.
   *
   * @param label the label
   * @return the body
   */
  static ObjectNode addLabel(String label) {
    ObjectNode body = NODES.objectNode();
    body.putObject("update").putArray("labels").addObject().put("add", label);
    return body;
  }

  /**
   * A user field's value.
   *
   * @param cloud whether the JIRA is Cloud, which names users by account id
   * @param who a user name (Server) or account id (Cloud)
   * @return {@code {"name"}} or {@code {"accountId"}}
   */
  static ObjectNode user(boolean cloud, String who) {
    return NODES.objectNode().put(cloud ? "accountId" : "name", who);
  }
}
