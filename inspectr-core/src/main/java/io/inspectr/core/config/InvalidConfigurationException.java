package io.inspectr.core.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Configuration that cannot work, with every problem found at once so that a person fixes them all
 * in one go rather than one per restart. Unchecked: configuration errors stop startup, they are not
 * handled in the middle of a scan.
 *
 * @since 0.1
 */
public final class InvalidConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The stable start of every message. */
  public static final String MESSAGE_PREFIX = "Invalid configuration";

  private final transient List<ConfigProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems at least one problem
   */
  public InvalidConfigurationException(List<ConfigProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<ConfigProblem> problems) {
    requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("An invalid configuration has at least one problem");
    }
    if (problems.size() == 1) {
      return MESSAGE_PREFIX + ": " + problems.get(0);
    }
    return MESSAGE_PREFIX
        + ", "
        + problems.size()
        + " problems:"
        + problems.stream().map(p -> "\n - " + p).collect(Collectors.joining());
  }

  /**
   * Every problem found.
   *
   * @return never {@code null} or empty
   */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
