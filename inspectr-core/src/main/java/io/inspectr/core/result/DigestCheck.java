package io.inspectr.core.result;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.image.Digest;
import org.jspecify.annotations.Nullable;

/**
 * Whether the tag a container runs now points to other content than what runs: a mutable tag
 * ({@code latest}, {@code stable}, {@code 1.25}) that was rebuilt.
 *
 * @param status what the comparison found
 * @param current the digest the registry serves for the tag now, when it was looked up
 * @since 0.1
 */
public record DigestCheck(Status status, @Nullable Digest current) {

  /** What a digest comparison found. */
  public enum Status {
    /** Not compared (a versioned tag, or digest checks are off). */
    NOT_CHECKED,
    /** The running digest is unknown, so no comparison is possible; this is never "changed". */
    UNKNOWN,
    /** The tag still points to what runs (the index or one of its platform manifests). */
    UNCHANGED,
    /** The tag now points to other content: the image was rebuilt. */
    REBUILT
  }

  private static final DigestCheck NOT_CHECKED = new DigestCheck(Status.NOT_CHECKED, null);
  private static final DigestCheck UNKNOWN = new DigestCheck(Status.UNKNOWN, null);

  /** Checks the parts. */
  public DigestCheck {
    requireNonNull(status, "status");
    if (status == Status.REBUILT && current == null) {
      throw new IllegalArgumentException("A rebuilt tag needs the digest it points to now");
    }
  }

  /**
   * No comparison made.
   *
   * @return never {@code null}
   */
  public static DigestCheck notChecked() {
    return NOT_CHECKED;
  }

  /**
   * No comparison possible: the running digest is unknown.
   *
   * @return never {@code null}
   */
  public static DigestCheck unknown() {
    return UNKNOWN;
  }

  /**
   * The tag points to what runs.
   *
   * @param current the digest the registry serves, never {@code null}
   * @return never {@code null}
   */
  public static DigestCheck unchanged(Digest current) {
    return new DigestCheck(Status.UNCHANGED, requireNonNull(current, "current"));
  }

  /**
   * The tag was rebuilt.
   *
   * @param current the digest the registry serves now, never {@code null}
   * @return never {@code null}
   */
  public static DigestCheck rebuilt(Digest current) {
    return new DigestCheck(Status.REBUILT, current);
  }

  /**
   * Whether the tag was rebuilt.
   *
   * @return {@code true} for {@link Status#REBUILT}
   */
  public boolean isRebuilt() {
    return status == Status.REBUILT;
  }
}
