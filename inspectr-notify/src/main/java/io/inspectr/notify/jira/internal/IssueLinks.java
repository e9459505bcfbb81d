package io.inspectr.notify.jira.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The links to the issues one delivery created or commented, as the original tool posted them to
 * Slack ({@code just created <url>/browse/OPS-12}), packed into as few Slack messages as its limits
 * allow: one line per issue, lines never split, each message's text at most {@link #MAX_CHARS}
 * characters. Not thread-safe: one per delivery.
 */
public final class IssueLinks {
  /**
   * The most characters of one message: Slack advises keeping a message's {@code text} within 4,000
   * characters (and cuts it at 40,000).
   */
  public static final int MAX_CHARS = 4_000;

  private final String browseBase;
  private final List<String> lines = new ArrayList<>();

  /**
   * Starts collecting.
   *
   * @param browseUrl the base of issue links, e.g. {@code https://jira.example.com}
   */
  public IssueLinks(String browseUrl) {
    requireNonNull(browseUrl, "browseUrl");
    this.browseBase = (browseUrl.endsWith("/") ? browseUrl : browseUrl + "/") + "browse/";
  }

  /**
   * Adds the link to an issue that was created or commented; nothing for an unchanged one.
   *
   * @param tracked what happened to the issue
   */
  public void add(IssueTracker.Tracked tracked) {
    switch (tracked.action()) {
      case CREATED:
        lines.add("just created " + browseBase + tracked.issueKey());
        break;
      case COMMENTED:
        lines.add("just commented on " + browseBase + tracked.issueKey());
        break;
      default:
        break;
    }
  }

  /**
   * How many links were collected.
   *
   * @return the count
   */
  public int size() {
    return lines.size();
  }

  /**
   * The messages' texts, each of whole lines and at most {@link #MAX_CHARS} characters (a single
   * longer line, which a real issue link never is, gets a message of its own).
   *
   * @return never {@code null}; empty when there is no link
   */
  public List<String> messages() {
    List<String> messages = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (current.length() > 0 && current.length() + 1 + line.length() > MAX_CHARS) {
        messages.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      current.append(line);
    }
    if (current.length() > 0) {
      messages.add(current.toString());
    }
    return messages;
  }
}
