package io.inspectr.notify.jira.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.notify.internal.HttpVerdict;

/** A JIRA request failed; the verdict says how and whether it concerns JIRA as a whole. */
public final class JiraCallException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient HttpVerdict verdict;

  /**
   * Creates the exception.
   *
   * @param verdict the failed verdict; its reason is the message
   */
  public JiraCallException(HttpVerdict verdict) {
    super(requireNonNull(verdict, "verdict").reason());
    this.verdict = verdict;
  }

  /**
   * What the failure means.
   *
   * @return never {@code null}
   */
  public HttpVerdict verdict() {
    return verdict;
  }

  /**
   * The HTTP status, or 0 when no answer came.
   *
   * @return the status
   */
  public int status() {
    return verdict.httpStatus();
  }
}
