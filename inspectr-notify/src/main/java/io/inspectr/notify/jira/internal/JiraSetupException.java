package io.inspectr.notify.jira.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration does not fit this JIRA: an unknown issue type or field, a value a field does
 * not allow, a required field left out. Lists every problem at once.
 */
public final class JiraSetupException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param where e.g. "project OPS, issue type Task"
   * @param problems at least one
   */
  public JiraSetupException(String where, List<String> problems) {
    super(
        "The JIRA configuration does not fit "
            + where
            + (problems.size() == 1
                ? ": " + problems.get(0)
                : ", "
                    + problems.size()
                    + " problems:"
                    + problems.stream().map(p -> "\n - " + p).collect(Collectors.joining())));
  }
}
