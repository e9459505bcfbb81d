package io.inspectr.notify.jira;

import java.util.Locale;

/**
 * Which JIRA the notifier talks to, which decides the REST API version and the rich-text format.
 *
 * @since 0.1
 */
public enum JiraFlavour {
  /** Ask {@code /rest/api/2/serverInfo} ({@code deploymentType}) once, then use the answer. */
  AUTO,
  /** Jira Server or Data Center: REST API v2, wiki markup, {@code /search} with {@code startAt}. */
  SERVER,
  /**
   * Jira Cloud: REST API v3, Atlassian Document Format, {@code /search/jql} with {@code
   * nextPageToken}.
   */
  CLOUD;

  /**
   * Reads a configured value: {@code auto}, {@code server}, {@code datacenter} / {@code
   * data-center} (the same as server) or {@code cloud}, in any case.
   *
   * @param text the value
   * @return the flavour
   * @throws IllegalArgumentException when the text names none
   */
  public static JiraFlavour parse(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "auto":
        return AUTO;
      case "server":
      case "datacenter":
      case "data-center":
      case "dc":
        return SERVER;
      case "cloud":
        return CLOUD;
      default:
        throw new IllegalArgumentException("Not a JIRA flavour: " + text);
    }
  }
}
