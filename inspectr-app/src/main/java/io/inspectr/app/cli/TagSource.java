package io.inspectr.app.cli;

import io.inspectr.core.image.ImageReference;
import java.util.List;

/** Where {@code inspectr check} gets the tags of a repository from. */
interface TagSource {

  /**
   * The tags of the reference's repository.
   *
   * @param reference the image being checked
   * @return every tag
   * @throws TagLookupException when the tags cannot be had
   */
  List<String> tags(ImageReference reference) throws TagLookupException;

  /** The tags could not be had; the message says why and what to do. */
  final class TagLookupException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean usageError;

    TagLookupException(String message, boolean usageError, Throwable cause) {
      super(message, cause);
      this.usageError = usageError;
    }

    /** Whether the user's input caused it (exit 2) rather than a run-time failure (exit 3). */
    boolean isUsageError() {
      return usageError;
    }
  }
}
