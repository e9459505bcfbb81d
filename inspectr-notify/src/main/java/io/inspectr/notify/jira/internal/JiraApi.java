package io.inspectr.notify.jira.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What differs between the two JIRAs: Server/Data Center speaks REST API v2 with wiki-markup text
 * and pages searches with {@code startAt}; Cloud speaks v3 with ADF text and searches {@code
 * /search/jql} paged by {@code nextPageToken} (its old {@code /search} answers 410 Gone).
 * Stateless.
 */
public abstract class JiraApi {
  /** The most issues one search reads: inspectr's searches find one issue per result key. */
  public static final int SEARCH_LIMIT = 1_000;

  static final int PAGE_SIZE = 100;
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final JiraApi SERVER = new Server();
  private static final JiraApi CLOUD = new Cloud();

  JiraApi() {}

  /**
   * The API of one flavour.
   *
   * @param cloud {@code true} for Jira Cloud
   * @return never {@code null}
   */
  public static JiraApi of(boolean cloud) {
    return cloud ? CLOUD : SERVER;
  }

  /**
   * Whether this is Jira Cloud.
   *
   * @return {@code true} for Cloud
   */
  public abstract boolean isCloud();

  /**
   * The REST API version, {@code 2} or {@code 3}.
   *
   * @return never {@code null}
   */
  public abstract String version();

  /**
   * A REST path of this API version.
   *
   * @param rest what follows the version, e.g. {@code /myself}
   * @return e.g. {@code /rest/api/2/myself}
   */
  public String path(String rest) {
    return "/rest/api/" + version() + rest;
  }

  /**
   * Rich text as this API takes it in {@code description} and comment bodies.
   *
   * @param text the text
   * @return a wiki-markup string node or an ADF document
   */
  public abstract JsonNode body(IssueText text);

  /**
   * The plain text of a rich-text field as this API returns it.
   *
   * @param body a wiki string or an ADF document; may be missing or null
   * @return never {@code null}
   */
  public abstract String text(JsonNode body);

  /**
   * The value of a user field.
   *
   * @param who a user name (Server) or account id (Cloud)
   * @return never {@code null}
   */
  public abstract JsonNode user(String who);

  /**
   * Runs a search and reads every page (up to {@link #SEARCH_LIMIT} issues).
   *
   * @param client the client
   * @param jql the query
   * @param fields the fields to return
   * @param action what it is for
   * @return the issues as JIRA returned them
   * @throws JiraCallException when a page failed
   * @throws InterruptedException when interrupted
   */
  public List<JsonNode> search(JiraClient client, String jql, List<String> fields, String action)
      throws JiraCallException, InterruptedException {
    List<JsonNode> issues = new ArrayList<>();
    String cursor = null;
    while (issues.size() < SEARCH_LIMIT) {
      JsonNode page = client.send("POST", searchPath(), searchBody(jql, fields, cursor), action);
      page.path("issues").forEach(issues::add);
      cursor = page.path("issues").isEmpty() ? null : nextCursor(page, issues.size());
      if (cursor == null) {
        break;
      }
    }
    return issues;
  }

  /** The search resource: {@code /search} (Server) or {@code /search/jql} (Cloud). */
  abstract String searchPath();

  /** One search page's body; {@code cursor} is {@code null} for the first page. */
  abstract JsonNode searchBody(String jql, List<String> fields, @Nullable String cursor);

  /** Where the next page starts, or {@code null} after the last. */
  abstract @Nullable String nextCursor(JsonNode page, int read);

  /** The name shown in messages, e.g. {@code Jira Cloud (REST API v3)}. */
  @Override
  public abstract String toString();

  private static final class Server extends JiraApi {
    @Override
    public boolean isCloud() {
      return false;
    }

    @Override
    public String version() {
      return "2";
    }

    @Override
    public JsonNode body(IssueText text) {
      return NODES.textNode(text.wiki());
    }

    @Override
    public String text(JsonNode body) {
      return body.isTextual() ? body.asText() : "";
    }

    @Override
    public JsonNode user(String who) {
      return JiraJson.user(false, who);
    }

    @Override
    String searchPath() {
      return path("/search");
    }

    @Override
    JsonNode searchBody(String jql, List<String> fields, @Nullable String cursor) {
      return JiraJson.search(
          jql, fields, PAGE_SIZE, cursor == null ? 0 : Integer.parseInt(cursor), null);
    }

    @Override
    @Nullable String nextCursor(JsonNode page, int read) {
      // startAt paging: the next page starts after what was read, until the total.
      return read < page.path("total").asInt(0) ? Integer.toString(read) : null;
    }

    @Override
    public String toString() {
      return "Jira Server/Data Center (REST API v2)";
    }
  }

  private static final class Cloud extends JiraApi {
    @Override
    public boolean isCloud() {
      return true;
    }

    @Override
    public String version() {
      return "3";
    }

    @Override
    public JsonNode body(IssueText text) {
      return text.adf();
    }

    @Override
    public String text(JsonNode body) {
      return body.isObject() ? IssueText.plainOfAdf(body) : body.asText("");
    }

    @Override
    public JsonNode user(String who) {
      return JiraJson.user(true, who);
    }

    @Override
    String searchPath() {
      return path("/search/jql");
    }

    @Override
    JsonNode searchBody(String jql, List<String> fields, @Nullable String cursor) {
      return JiraJson.search(jql, fields, PAGE_SIZE, null, cursor);
    }

    @Override
    @Nullable String nextCursor(JsonNode page, int read) {
      // Token paging: no total, no startAt; the answer names the next page or says it is the last.
      String token = page.path("nextPageToken").asText(null);
      return page.path("isLast").asBoolean(false) ? null : token;
    }

    @Override
    public String toString() {
      return "Jira Cloud (REST API v3)";
    }
  }

  /**
   * Reads every page of a {@code startAt}-paged list, such as createmeta's: the items are under
   * whichever of {@code names} the answer has ({@code values} on Data Center, {@code issueTypes} or
   * {@code fields} on Cloud).
   *
   * @param client the client
   * @param issueKey the issue the list belongs to (its comments), or {@code null}
   * @param path the path, without paging parameters
   * @param action what it is for
   * @param names the names the item array may have
   * @return every item
   * @throws JiraCallException when a page failed
   * @throws InterruptedException when interrupted
   */
  public static List<JsonNode> pages(
      JiraClient client, @Nullable String issueKey, String path, String action, String... names)
      throws JiraCallException, InterruptedException {
    List<JsonNode> items = new ArrayList<>();
    while (items.size() < SEARCH_LIMIT) {
      String sep = path.contains("?") ? "&" : "?";
      String paged = path + sep + "startAt=" + items.size() + "&maxResults=" + PAGE_SIZE;
      JsonNode page =
          issueKey == null
              ? client.get(paged, action)
              : client.onIssue(issueKey, "GET", paged, null, action);
      JsonNode list = page.isArray() ? page : NODES.arrayNode();
      for (String name : names) {
        if (page.path(name).isArray()) {
          list = page.path(name);
        }
      }
      list.forEach(items::add);
      boolean last =
          page.path("isLast").asBoolean(false)
              || list.isEmpty()
              || page.isArray()
              || items.size() >= page.path("total").asInt(Integer.MAX_VALUE);
      if (last) {
        break;
      }
    }
    return items;
  }
}
