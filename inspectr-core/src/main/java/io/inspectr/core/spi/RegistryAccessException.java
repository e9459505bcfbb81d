package io.inspectr.core.spi;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Repository;
import org.jspecify.annotations.Nullable;

/**
 * A registry could not answer a question about a repository.
 *
 * <p>The message reads "Tried to &lt;action&gt; for &lt;repository&gt; but failed because:
 * &lt;reason&gt;".
 *
 * @since 0.1
 */
public class RegistryAccessException extends InspectrException {
  private static final long serialVersionUID = 1L;

  /** The stable start of every message. */
  public static final String MESSAGE_PREFIX = "Tried to ";

  private final transient Repository repository;
  private final String action;

  /**
   * Creates the exception.
   *
   * @param action what was tried, e.g. "list the tags"
   * @param repository the repository, never {@code null}
   * @param reason why it failed and, when known, what to do
   * @param retryable whether trying again later may succeed
   * @param cause the underlying failure, or {@code null}
   */
  public RegistryAccessException(
      String action,
      Repository repository,
      String reason,
      boolean retryable,
      @Nullable Throwable cause) {
    super(
        MESSAGE_PREFIX
            + requireNonNull(action, "action")
            + " for "
            + requireNonNull(repository, "repository")
            + " but failed because: "
            + requireNonNull(reason, "reason"),
        retryable,
        cause);
    this.repository = repository;
    this.action = action;
  }

  /**
   * The repository the failed request was about.
   *
   * @return never {@code null}
   */
  public Repository repository() {
    return repository;
  }

  /**
   * What was tried, e.g. "list the tags".
   *
   * @return never {@code null}
   */
  public String action() {
    return action;
  }
}
