package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One event of a pod watch.
 *
 * @param type {@code ADDED}, {@code MODIFIED}, {@code DELETED}, {@code BOOKMARK} or {@code ERROR}
 * @param pod the pod (for a bookmark only its resource version is meaningful); {@code null} for an
 *     error
 * @param status the error, for {@code ERROR} events; {@code null} otherwise
 */
public record WatchEvent(String type, @Nullable SlimPod pod, @Nullable ApiStatus status) {
  /** A new object. */
  public static final String ADDED = "ADDED";

  /** A changed object. */
  public static final String MODIFIED = "MODIFIED";

  /** A removed object, or one that no longer matches the selectors. */
  public static final String DELETED = "DELETED";

  /** Only a newer resource version to resume from. */
  public static final String BOOKMARK = "BOOKMARK";

  /** The watch failed; {@code 410} means the resource version is too old. */
  public static final String ERROR = "ERROR";

  /** Checks the type. */
  public WatchEvent {
    requireNonNull(type, "type");
  }
}
