package io.inspectr.notify.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A stateful JIRA on loopback, Server/Data Center or Cloud, for project {@code OPS}. It speaks the
 * documented wire shapes and checks what it is sent:
 *
 * <ul>
 *   <li>sign-in: every request must carry the expected {@code Authorization} header (else 401);
 *   <li>Server answers only {@code /rest/api/2}; Cloud answers v2 and v3 but its old {@code
 *       /search} is gone (410) and {@code /search/jql} pages with {@code nextPageToken};
 *   <li>{@code serverInfo}, {@code myself}, the field list, createmeta (Data Center: {@code
 *       values}, Cloud: {@code issueTypes} / {@code fields}), both paged two at a time;
 *   <li>create: project, issue type id, summary of at most 255 characters, labels without spaces,
 *       only fields on the create screen, the required {@code Team} option by allowed id, and a
 *       description that is wiki text on v2 and an ADF document with non-empty text nodes on v3;
 *   <li>search by JQL (see {@link FakeJql}), two issues a page; Cloud's {@code /search/jql} returns
 *       only each issue's {@code id} unless {@code fields} are asked for, as Cloud does;
 *   <li>label edits; comments, paged.
 * </ul>
 *
 * <p>Knobs make it fail as real JIRAs do: one issue forbidden or gone ({@link #failIssue}), label
 * edits refused ({@link #rejectLabelEdits}), a create screen without Description ({@link
 * #descriptionOnScreen}); {@link #onEveryRequest} lets a test clock move with each request.
 *
 * <p>Thread-safe.
 */
public final class FakeJira implements AutoCloseable {
  /** The project it serves. */
  public static final String PROJECT = "OPS";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 2;
  private static final Pattern API = Pattern.compile("/rest/api/(2|3|latest)(/.*)");

  /** One stored issue. */
  public static final class Issue implements FakeJql.Issue {
    final String key;
    final String summary;
    final JsonNode description;
    final List<String> labels;
    final List<JsonNode> comments = new ArrayList<>();
    final ObjectNode fields;
    boolean done;
    boolean searchable = true;

    Issue(
        String key, String summary, JsonNode description, List<String> labels, ObjectNode fields) {
      this.key = key;
      this.summary = summary;
      this.description = description;
      this.labels = new ArrayList<>(labels);
      this.fields = fields;
    }

    @Override
    public String project() {
      return PROJECT;
    }

    @Override
    public String summary() {
      return summary;
    }

    @Override
    public List<String> labels() {
      return labels;
    }

    /**
     * The key.
     *
     * @return e.g. {@code OPS-1}
     */
    public String key() {
      return key;
    }

    /**
     * The description as sent: wiki text or an ADF document.
     *
     * @return never {@code null}
     */
    public JsonNode description() {
      return description;
    }

    /**
     * The comment bodies as sent.
     *
     * @return a copy
     */
    public List<JsonNode> comments() {
      return List.copyOf(comments);
    }

    /**
     * Every field the create request set.
     *
     * @return the fields
     */
    public ObjectNode fields() {
      return fields;
    }
  }

  private final boolean cloud;
  private final String authorization;
  private final Map<String, Issue> issues = new LinkedHashMap<>();
  private final List<String> violations = new ArrayList<>();
  private final FakeHttpServer server;
  private boolean hideNewIssuesFromSearch;
  private final Map<String, FakeResponse> failingIssues = new LinkedHashMap<>();
  private @Nullable FakeResponse labelEditAnswer;
  private boolean descriptionOnScreen = true;
  private Runnable onEveryRequest = () -> {};

  /**
   * Starts a fake.
   *
   * @param cloud {@code true} for Jira Cloud, {@code false} for Data Center
   * @param authorization the exact {@code Authorization} header it accepts
   */
  public FakeJira(boolean cloud, String authorization) {
    this.cloud = cloud;
    this.authorization = authorization;
    this.server = new FakeHttpServer(this::answer);
  }

  /**
   * The {@code Authorization} header of Basic authentication.
   *
   * @param user the user or email
   * @param secret the password or API token
   * @return {@code Basic <base64 of user:secret>}
   */
  public static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The base URL.
   *
   * @return e.g. {@code http://127.0.0.1:40123}
   */
  public String url() {
    return server.baseUrl();
  }

  /**
   * Makes issues created from now on invisible to search, as Cloud's eventually consistent search
   * may leave them for a while.
   *
   * @param hide whether to hide them
   */
  public synchronized void hideNewIssuesFromSearch(boolean hide) {
    hideNewIssuesFromSearch = hide;
  }

  /**
   * Makes every request on one issue (read, comments, edit) fail, as JIRA answers for an issue that
   * was deleted or moved ({@code 404}) or that the account may not see or comment ({@code 403}).
   * Searches still return it.
   *
   * @param key the issue
   * @param status e.g. 403 or 404
   * @param message JIRA's error message
   */
  public synchronized void failIssue(String key, int status, String message) {
    failingIssues.put(key, error(status, message));
  }

  /**
   * Makes label edits fail, as JIRA does when Labels is not on the edit screen ({@code 400}) or the
   * account lacks the Edit Issues permission ({@code 403}).
   *
   * @param status the status
   * @param message JIRA's error message
   */
  public synchronized void rejectLabelEdits(int status, String message) {
    labelEditAnswer = error(status, message);
  }

  /**
   * Puts the Description field on the create screen or takes it off; a create that sets a field not
   * on the screen is rejected.
   *
   * @param on whether the screen has it (the default)
   */
  public synchronized void descriptionOnScreen(boolean on) {
    descriptionOnScreen = on;
  }

  /**
   * Runs something as each request arrives, e.g. moving a test clock on.
   *
   * @param action what to run
   */
  public synchronized void onEveryRequest(Runnable action) {
    onEveryRequest = action;
  }

  /**
   * Adds an issue as the original Go tool made it: its summary format, a {@code {code}} block with
   * {@code Upgrades:}, no label.
   *
   * @param summary the summary
   * @param description the description, wiki text (Server) or the same text in one ADF code block
   *     (Cloud)
   * @return the new issue's key
   */
  public synchronized String seed(String summary, String description) {
    JsonNode body =
        cloud
            ? JSON.createObjectNode()
                .put("type", "doc")
                .put("version", 1)
                .set(
                    "content",
                    JSON.createArrayNode()
                        .add(
                            JSON.createObjectNode()
                                .put("type", "codeBlock")
                                .set(
                                    "content",
                                    JSON.createArrayNode()
                                        .add(
                                            JSON.createObjectNode()
                                                .put("type", "text")
                                                .put("text", description)))))
            : JSON.getNodeFactory().textNode(description);
    String key = PROJECT + "-" + (issues.size() + 1);
    issues.put(key, new Issue(key, summary, body, List.of(), JSON.createObjectNode()));
    return key;
  }

  /**
   * Every issue, in creation order.
   *
   * @return a copy
   */
  public synchronized List<Issue> issues() {
    return List.copyOf(issues.values());
  }

  /**
   * Moves an issue to the Done category.
   *
   * @param key the issue
   */
  public synchronized void resolve(String key) {
    issues.get(key).done = true;
  }

  /**
   * Every shape or limit the notifier broke; each also got a 400.
   *
   * @return a copy
   */
  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * Every request received.
   *
   * @return a copy
   */
  public List<RecordedRequest> requests() {
    return server.requests();
  }

  /**
   * How many requests had this method and a path ending so.
   *
   * @param method e.g. {@code POST}
   * @param pathSuffix e.g. {@code /comment}
   * @return the count
   */
  public long count(String method, String pathSuffix) {
    return requests().stream()
        .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
        .count();
  }

  private synchronized FakeResponse answer(RecordedRequest request) {
    onEveryRequest.run();
    if (!authorization.equals(request.header("Authorization"))) {
      return error(
          401, "You are not authenticated. Authentication required to perform this operation.");
    }
    Matcher m = API.matcher(request.path());
    if (!m.matches()) {
      return error(404, "No resource at " + request.path());
    }
    String version = m.group(1);
    String rest = m.group(2);
    if (version.equals("3") && !cloud) {
      return error(404, "Jira Data Center has no REST API v3");
    }
    try {
      return route(request, version, rest);
    } catch (FakeJql.SyntaxError e) {
      return error(400, "Error in the JQL Query: " + e.getMessage());
    }
  }

  private FakeResponse route(RecordedRequest request, String version, String rest) {
    String method = request.method();
    if (method.equals("GET") && rest.equals("/serverInfo")) {
      return ok(
          JSON.createObjectNode()
              .put("baseUrl", url())
              .put("version", cloud ? "1001.0.0" : "9.12.0")
              .put("deploymentType", cloud ? "Cloud" : "DataCenter"));
    }
    if (method.equals("GET") && rest.equals("/myself")) {
      return ok(
          JSON.createObjectNode()
              .put("name", "inspectr")
              .put("accountId", "5b10a2844c20165700ede21g"));
    }
    if (method.equals("GET") && rest.equals("/field")) {
      ArrayNode all = JSON.createArrayNode();
      screenFields()
          .forEach(
              f ->
                  all.add(
                      JSON.createObjectNode()
                          .put("id", f.path("fieldId").asText())
                          .put("name", f.path("name").asText())
                          .set("schema", f.path("schema"))));
      all.add(JSON.createObjectNode().put("id", "customfield_10030").put("name", "Sprint"));
      return ok(all);
    }
    if (method.equals("GET") && rest.equals("/issue/createmeta/" + PROJECT + "/issuetypes")) {
      ArrayNode types = JSON.createArrayNode();
      types.add(JSON.createObjectNode().put("id", "10001").put("name", "Bug"));
      types.add(JSON.createObjectNode().put("id", "10003").put("name", "Task"));
      return paged(request, types, cloud ? "issueTypes" : "values");
    }
    if (method.equals("GET") && rest.equals("/issue/createmeta/" + PROJECT + "/issuetypes/10003")) {
      return paged(request, screenFields(), cloud ? "fields" : "values");
    }
    if (rest.startsWith("/issue/createmeta/")) {
      return error(404, "No project could be found with key '" + rest.split("/")[3] + "'.");
    }
    if (rest.equals("/search") || rest.equals("/search/jql")) {
      return search(request, version, rest);
    }
    if (method.equals("POST") && rest.equals("/issue")) {
      return create(request, version);
    }
    Matcher issue = Pattern.compile("/issue/([A-Z]+-\\d+)(/comment)?").matcher(rest);
    if (issue.matches()) {
      FakeResponse failure = failingIssues.get(issue.group(1));
      if (failure != null) {
        return failure;
      }
      Issue target = issues.get(issue.group(1));
      if (target == null) {
        return error(404, "Issue does not exist or you do not have permission to see it.");
      }
      if (issue.group(2) == null) {
        return method.equals("PUT") ? edit(request, target) : ok(json(target));
      }
      return method.equals("POST") ? comment(request, version, target) : comments(request, target);
    }
    return error(404, "No resource " + method + " " + rest);
  }

  private ArrayNode screenFields() {
    ArrayNode fields = JSON.createArrayNode();
    fields.add(field("summary", "Summary", true, "string"));
    fields.add(field("issuetype", "Issue Type", true, "issuetype"));
    fields.add(field("project", "Project", true, "project"));
    if (descriptionOnScreen) {
      fields.add(field("description", "Description", false, "string"));
    }
    ObjectNode labels = field("labels", "Labels", false, "array");
    ((ObjectNode) labels.path("schema")).put("items", "string");
    fields.add(labels);
    ObjectNode team = field("customfield_10010", "Team", true, "option");
    ArrayNode allowed = team.putArray("allowedValues");
    allowed.add(JSON.createObjectNode().put("id", "20001").put("value", "Platform"));
    allowed.add(JSON.createObjectNode().put("id", "20002").put("value", "Payments"));
    fields.add(team);
    fields.add(field("customfield_10016", "Story Points", false, "number"));
    return fields;
  }

  private static ObjectNode field(String id, String name, boolean required, String type) {
    ObjectNode f =
        JSON.createObjectNode()
            .put("fieldId", id)
            .put("key", id)
            .put("name", name)
            .put("required", required)
            .put("hasDefaultValue", false);
    f.putObject("schema").put("type", type);
    return f;
  }

  private FakeResponse paged(RecordedRequest request, ArrayNode all, String name) {
    int startAt = intParam(request, "startAt", 0);
    ArrayNode page = JSON.createArrayNode();
    for (int i = startAt; i < Math.min(all.size(), startAt + PAGE); i++) {
      page.add(all.get(i));
    }
    ObjectNode out =
        JSON.createObjectNode()
            .put("startAt", startAt)
            .put("maxResults", PAGE)
            .put("total", all.size());
    if (!cloud) {
      out.put("isLast", startAt + PAGE >= all.size());
    }
    out.set(name, page);
    return ok(out);
  }

  private FakeResponse search(RecordedRequest request, String version, String rest) {
    if (cloud && rest.equals("/search")) {
      return error(
          410,
          "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
    }
    if (!cloud && rest.equals("/search/jql")) {
      return error(404, "No resource /search/jql on Data Center");
    }
    JsonNode body = read(request.body());
    Predicate<FakeJql.Issue> query = FakeJql.parse(body.path("jql").asText());
    List<Issue> hits = issues.values().stream().filter(i -> i.searchable && query.test(i)).toList();
    int start =
        cloud
            ? (body.has("nextPageToken")
                ? Integer.parseInt(body.path("nextPageToken").asText())
                : 0)
            : body.path("startAt").asInt(0);
    List<String> asked = new ArrayList<>();
    body.path("fields").forEach(f -> asked.add(f.asText()));
    ArrayNode page = JSON.createArrayNode();
    for (int i = start; i < Math.min(hits.size(), start + PAGE); i++) {
      page.add(cloud ? only(json(hits.get(i)), asked) : json(hits.get(i)));
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("issues", page);
    if (cloud) {
      boolean last = start + PAGE >= hits.size();
      out.put("isLast", last);
      if (!last) {
        out.put("nextPageToken", Integer.toString(start + PAGE));
      }
    } else {
      out.put("startAt", start).put("maxResults", PAGE).put("total", hits.size());
    }
    return ok(out);
  }

  private FakeResponse create(RecordedRequest request, String version) {
    ObjectNode fields = (ObjectNode) read(request.body()).path("fields");
    List<String> problems = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    if (!PROJECT.equals(fields.path("project").path("key").asText())) {
      errors.put("project", "valid project is required");
    }
    if (!fields.path("issuetype").path("id").asText().equals("10003")) {
      errors.put("issuetype", "valid issue type id is required, got " + fields.path("issuetype"));
    }
    String summary = fields.path("summary").asText("");
    if (summary.isEmpty() || summary.length() > 255) {
      errors.put("summary", "You must specify a summary of the issue (at most 255 characters).");
    }
    checkBody(fields.path("description"), version, "description", problems);
    for (JsonNode label : fields.path("labels")) {
      if (!label.isTextual() || label.asText().contains(" ")) {
        errors.put("labels", "The label '" + label + "' contains spaces which is invalid.");
      }
    }
    List<String> onScreen = new ArrayList<>();
    screenFields().forEach(f -> onScreen.add(f.path("fieldId").asText()));
    fields
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!onScreen.contains(name)) {
                errors.put(
                    name,
                    "Field '"
                        + name
                        + "' cannot be set. It is not on the appropriate screen, or unknown.");
              }
            });
    String team = fields.path("customfield_10010").path("id").asText("");
    if (!team.equals("20001") && !team.equals("20002")) {
      errors.put("customfield_10010", "Team is required.");
    }
    if (!fields.path("customfield_10016").isMissingNode()
        && !fields.path("customfield_10016").isNumber()) {
      errors.put("customfield_10016", "Story Points must be a number.");
    }
    if (!errors.isEmpty() || !problems.isEmpty()) {
      violations.addAll(problems);
      errors.forEach((k, v) -> violations.add(k + ": " + v));
      ObjectNode out = JSON.createObjectNode();
      ArrayNode messages = out.putArray("errorMessages");
      problems.forEach(messages::add);
      ObjectNode errs = out.putObject("errors");
      errors.forEach(errs::put);
      return FakeResponse.json(400, out.toString());
    }
    String key = PROJECT + "-" + (issues.size() + 1);
    List<String> labels = new ArrayList<>();
    fields.path("labels").forEach(l -> labels.add(l.asText()));
    Issue issue = new Issue(key, summary, fields.path("description"), labels, fields);
    issue.searchable = !hideNewIssuesFromSearch;
    issues.put(key, issue);
    return FakeResponse.json(
        201,
        JSON.createObjectNode()
            .put("id", Integer.toString(10000 + issues.size()))
            .put("key", key)
            .put("self", url() + "/rest/api/" + version + "/issue/" + key)
            .toString());
  }

  private static void checkBody(JsonNode body, String version, String what, List<String> problems) {
    if (body.isMissingNode()) {
      return;
    }
    if (version.equals("3")) {
      if (!body.isObject()
          || !"doc".equals(body.path("type").asText())
          || body.path("version").asInt() != 1
          || body.path("content").isEmpty()) {
        problems.add(what + " must be an ADF document on REST API v3, got " + body);
        return;
      }
      checkAdf(body, what, problems);
    } else if (!body.isTextual()) {
      problems.add(
          what
              + " must be wiki markup text on REST API v"
              + version
              + ", got "
              + body.getNodeType());
    }
  }

  private static void checkAdf(JsonNode node, String what, List<String> problems) {
    if ("text".equals(node.path("type").asText()) && node.path("text").asText("").isEmpty()) {
      problems.add(what + " has an empty ADF text node");
    }
    node.path("content").forEach(child -> checkAdf(child, what, problems));
  }

  /** Cloud's {@code /search/jql}: the id, and the key and fields only when fields were asked. */
  private static ObjectNode only(ObjectNode issue, List<String> asked) {
    ObjectNode out = JSON.createObjectNode().put("id", issue.path("id").asText());
    if (asked.isEmpty()) {
      return out;
    }
    out.put("key", issue.path("key").asText());
    ObjectNode fields = out.putObject("fields");
    for (String name : asked) {
      if (issue.path("fields").has(name)) {
        fields.set(name, issue.path("fields").path(name));
      }
    }
    return out;
  }

  private FakeResponse edit(RecordedRequest request, Issue target) {
    if (labelEditAnswer != null) {
      return labelEditAnswer;
    }
    for (JsonNode op : read(request.body()).path("update").path("labels")) {
      String add = op.path("add").asText("");
      if (add.isEmpty() || add.contains(" ")) {
        violations.add("bad label edit " + op);
        return error(400, "bad label edit");
      }
      target.labels.add(add);
    }
    return FakeResponse.of(204, "");
  }

  private FakeResponse comment(RecordedRequest request, String version, Issue target) {
    JsonNode body = read(request.body()).path("body");
    List<String> problems = new ArrayList<>();
    if (body.isMissingNode()) {
      problems.add("comment without body");
    }
    checkBody(body, version, "comment body", problems);
    if (!problems.isEmpty()) {
      violations.addAll(problems);
      return error(400, String.join("; ", problems));
    }
    target.comments.add(body);
    return FakeResponse.json(
        201,
        JSON.createObjectNode().put("id", Integer.toString(target.comments.size())).toString());
  }

  private FakeResponse comments(RecordedRequest request, Issue target) {
    ArrayNode all = JSON.createArrayNode();
    target.comments.forEach(c -> all.add(JSON.createObjectNode().set("body", c)));
    return paged(request, all, "comments");
  }

  private ObjectNode json(Issue issue) {
    ObjectNode out =
        JSON.createObjectNode().put("key", issue.key).put("id", issue.key.substring(4));
    ObjectNode fields = out.putObject("fields");
    fields.put("summary", issue.summary);
    fields.set(
        "description", issue.description.isMissingNode() ? JSON.nullNode() : issue.description);
    ArrayNode labels = fields.putArray("labels");
    issue.labels.forEach(labels::add);
    fields.putObject("status").putObject("statusCategory").put("key", issue.done ? "done" : "new");
    return out;
  }

  private static int intParam(RecordedRequest request, String name, int fallback) {
    for (String pair : request.query().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2 && kv[0].equals(name)) {
        return Integer.parseInt(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return fallback;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  private static FakeResponse ok(JsonNode json) {
    return FakeResponse.json(200, json.toString());
  }

  private static FakeResponse error(int status, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.putArray("errorMessages").add(message);
    out.putObject("errors");
    return FakeResponse.json(status, out.toString());
  }

  @Override
  public void close() {
    server.close();
  }
}
