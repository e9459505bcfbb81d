package io.inspectr.app.cli;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Digest;
import io.inspectr.core.image.ImageReference;
import io.inspectr.core.version.Upgrades;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code inspectr check} for one image argument: how it was read and its upgrades, or
 * why it could not be checked.
 *
 * @param input the argument as given
 * @param reference the parsed reference, or {@code null} when the input is invalid
 * @param upgrades the upgrades, or {@code null} when the input is invalid or its tags are unknown
 * @param error why the image could not be checked, or {@code null}
 * @param usageError whether the error is the user's input (exit 2) rather than a failure (exit 3)
 * @param digestChanged whether a mutable tag now points to other content than the running digest;
 *     {@code null} when not compared (a versioned tag, no running digest, or tags from a file)
 * @param currentDigest what the tag points to now, when it was compared
 */
record ImageCheck(
    String input,
    @Nullable ImageReference reference,
    @Nullable Upgrades upgrades,
    @Nullable String error,
    boolean usageError,
    @Nullable Boolean digestChanged,
    @Nullable Digest currentDigest) {

  ImageCheck {
    requireNonNull(input, "input");
    if ((error == null) == (upgrades == null)) {
      throw new IllegalArgumentException("An image check has either upgrades or an error");
    }
  }

  static ImageCheck found(String input, ImageReference reference, Upgrades upgrades) {
    return new ImageCheck(input, reference, upgrades, null, false, null, null);
  }

  ImageCheck withDigestComparison(boolean changed, Digest current) {
    return new ImageCheck(input, reference, upgrades, error, usageError, changed, current);
  }

  static ImageCheck invalidInput(String input, @Nullable ImageReference reference, String error) {
    return new ImageCheck(input, reference, null, error, true, null, null);
  }

  static ImageCheck failed(String input, ImageReference reference, String error) {
    return new ImageCheck(input, reference, null, error, false, null, null);
  }
}
