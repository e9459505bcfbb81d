package io.inspectr.notify.jira.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What every new issue carries besides its own text: the issue type's id and the configured extra
 * fields, resolved from their UI names through createmeta ({@code
 * /issue/createmeta/{project}/issuetypes[/{id}]}) and the field list ({@code /field}), with values
 * shaped by each field's schema. Immutable.
 *
 * <p>A configured Labels field joins inspectr's own labels (inspectr finds its issues by one of
 * them). The other fields inspectr fills itself (summary, description, project, issue type) cannot
 * be configured.
 *
 * @param issueTypeId the issue type's id
 * @param descriptionOnScreen whether the create screen has the description field
 * @param fields field id to value, ready for the create request; never one inspectr fills itself
 * @param labels configured labels, put on new issues besides inspectr's own
 */
public record CreateTemplate(
    String issueTypeId,
    boolean descriptionOnScreen,
    Map<String, JsonNode> fields,
    List<String> labels) {

  /** Fields inspectr fills itself, never asked of the configuration. */
  static final Set<String> OWN_FIELDS =
      Set.of("summary", "project", "issuetype", "description", "labels", "reporter");

  /** Fields inspectr fills itself that a configured value would replace. */
  public static final Set<String> NOT_CONFIGURABLE =
      Set.of("summary", "description", "project", "issuetype");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Checks and copies the parts. */
  public CreateTemplate {
    requireNonNull(issueTypeId, "issueTypeId");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    labels = List.copyOf(labels);
  }

  /**
   * Resolves the issue type and the extra fields of a project.
   *
   * @param client the client
   * @param api the API flavour
   * @param project the project key
   * @param issueType the issue type's name or id
   * @param configured extra fields: UI name (or id) to value
   * @return never {@code null}
   * @throws JiraSetupException listing every field or issue type that does not fit
   * @throws JiraCallException when JIRA could not be asked
   * @throws InterruptedException when interrupted
   */
  public static CreateTemplate resolve(
      JiraClient client,
      JiraApi api,
      String project,
      String issueType,
      Map<String, String> configured)
      throws JiraSetupException, JiraCallException, InterruptedException {
    String base = api.path("/issue/createmeta/" + project + "/issuetypes");
    List<JsonNode> types =
        JiraApi.pages(
            client,
            null,
            base,
            "read the issue types of project " + project,
            "values",
            "issueTypes");
    @Nullable JsonNode type = null;
    for (JsonNode t : types) {
      if (t.path("name").asText().equalsIgnoreCase(issueType)
          || t.path("id").asText().equals(issueType)) {
        type = t;
      }
    }
    String where = "project " + project + ", issue type " + issueType;
    if (type == null) {
      throw new JiraSetupException(
          where,
          List.of(
              "project "
                  + project
                  + " has no issue type '"
                  + issueType
                  + "'; set issue-type to one of: "
                  + names(types, "name")));
    }
    String typeId = type.path("id").asText();
    List<JsonNode> screen =
        JiraApi.pages(
            client, null, base + "/" + typeId, "read the fields of " + where, "values", "fields");
    List<JsonNode> all = new ArrayList<>();
    client.get(api.path("/field"), "read the field list").forEach(all::add);

    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> values = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>();
    Set<String> given = new TreeSet<>();
    configured.forEach(
        (name, text) -> {
          JsonNode field = find(screen, all, name, where, problems);
          if (field == null) {
            return;
          }
          String id = fieldId(field);
          given.add(id);
          if (NOT_CONFIGURABLE.contains(id)) {
            problems.add(
                "the field '"
                    + name
                    + "' ("
                    + id
                    + ") is filled by inspectr itself; remove it from fields");
          } else if (id.equals("labels")) {
            labels(text, problems).forEach(labels::add);
          } else {
            JsonNode value = FieldValues.of(api, field, text, problems);
            if (value != null) {
              values.put(id, value);
            }
          }
        });
    boolean labelsOnScreen = false;
    boolean description = false;
    for (JsonNode field : screen) {
      String id = fieldId(field);
      labelsOnScreen |= id.equals("labels");
      description |= id.equals("description");
      boolean required = field.path("required").asBoolean(false);
      if (required
          && !field.path("hasDefaultValue").asBoolean(false)
          && !OWN_FIELDS.contains(id)
          && !given.contains(id)) {
        problems.add(
            "the field '"
                + field.path("name").asText(id)
                + "' ("
                + id
                + ") is required; add 'Field Name:value' for it to fields");
      }
    }
    if (!labelsOnScreen) {
      problems.add(
          "the create screen has no Labels field; add it: inspectr finds its issues again by label");
    }
    if (!problems.isEmpty()) {
      throw new JiraSetupException(where, problems);
    }
    return new CreateTemplate(typeId, description, values, labels);
  }

  /** The labels of a configured Labels value, {@code a;b}; JIRA labels hold no spaces. */
  private static List<String> labels(String text, List<String> problems) {
    List<String> labels = new ArrayList<>();
    for (String one : text.split(";")) {
      String label = one.strip();
      if (label.chars().anyMatch(Character::isWhitespace)) {
        problems.add(
            "the label '" + label + "' of the field Labels holds a space; JIRA forbids it");
      } else if (!label.isEmpty()) {
        labels.add(label);
      }
    }
    return labels;
  }

  private static @Nullable JsonNode find(
      List<JsonNode> screen, List<JsonNode> all, String name, String where, List<String> problems) {
    List<JsonNode> matches = new ArrayList<>();
    for (JsonNode field : screen) {
      if (field.path("name").asText().equalsIgnoreCase(name) || fieldId(field).equals(name)) {
        matches.add(field);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.size() > 1) {
      problems.add(
          "the field name '"
              + name
              + "' is ambiguous ("
              + names(matches, "fieldId")
              + "); name the field by its id instead");
      return null;
    }
    for (JsonNode field : all) {
      if (field.path("name").asText().equalsIgnoreCase(name)
          || field.path("id").asText().equals(name)) {
        problems.add(
            "the field '"
                + name
                + "' ("
                + field.path("id").asText()
                + ") is not on the create screen of "
                + where
                + "; add it to that screen or remove it from fields");
        return null;
      }
    }
    problems.add(
        "there is no field '" + name + "'; the create screen has: " + names(screen, "name"));
    return null;
  }

  private static String fieldId(JsonNode field) {
    return field.path("fieldId").asText(field.path("key").asText(field.path("id").asText()));
  }

  private static String names(List<JsonNode> nodes, String property) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    nodes.forEach(n -> names.add(n.path(property).asText()));
    return String.join(", ", names);
  }

  /** Turns configured text into the JSON a field's schema wants. */
  static final class FieldValues {
    private FieldValues() {}

    static @Nullable JsonNode of(JiraApi api, JsonNode field, String text, List<String> problems) {
      JsonNode schema = field.path("schema");
      String type = schema.path("type").asText("string");
      String name = field.path("name").asText(fieldId(field));
      switch (type) {
        case "string":
          return schema.path("custom").asText("").endsWith(":textarea") && api.isCloud()
              ? new IssueText(List.of(new IssueText.Paragraph(text))).adf()
              : NODES.textNode(text);
        case "number":
          try {
            return NODES.numberNode(new BigDecimal(text));
          } catch (NumberFormatException e) {
            problems.add("the field '" + name + "' takes a number, not '" + text + "'");
            return null;
          }
        case "date":
        case "datetime":
          return NODES.textNode(text);
        case "array":
          ArrayNode array = NODES.arrayNode();
          String items = schema.path("items").asText("string");
          for (String one : text.split(";")) {
            if (!one.isBlank()) {
              JsonNode item = item(api, field, items, one.strip(), problems);
              if (item != null) {
                array.add(item);
              }
            }
          }
          return array;
        default:
          return item(api, field, type, text, problems);
      }
    }

    private static @Nullable JsonNode item(
        JiraApi api, JsonNode field, String type, String text, List<String> problems) {
      if (type.equals("string")) {
        return NODES.textNode(text);
      }
      if (type.equals("user")) {
        return api.user(text);
      }
      JsonNode allowed = field.path("allowedValues");
      if (allowed.isArray() && !allowed.isEmpty()) {
        List<String> shown = new ArrayList<>();
        for (JsonNode value : allowed) {
          String label = value.path("value").asText(value.path("name").asText(""));
          shown.add(label);
          if (label.equalsIgnoreCase(text) || value.path("id").asText().equals(text)) {
            return NODES.objectNode().put("id", value.path("id").asText());
          }
        }
        problems.add(
            "the field '"
                + field.path("name").asText()
                + "' does not allow '"
                + text
                + "'; allowed: "
                + String.join(", ", shown));
        return null;
      }
      return type.equals("option")
          ? NODES.objectNode().put("value", text)
          : NODES.objectNode().put("name", text);
    }
  }
}
