package io.inspectr.core.version;

/**
 * How far an upgrade may move from the running version.
 *
 * @since 0.1
 */
public enum Pin {
  /** Any newer compatible version. */
  NONE,
  /** Only versions with the same major part. */
  MAJOR,
  /** Only versions with the same major and minor parts. */
  MINOR;

  /**
   * Reads a pin from configuration: {@code major}, {@code minor} or {@code none}, in any case.
   *
   * @param text never {@code null}
   * @return the pin
   * @throws IllegalArgumentException naming the value and the valid ones
   */
  public static Pin parse(String text) {
    switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "major":
        return MAJOR;
      case "minor":
        return MINOR;
      case "none":
      case "":
        return NONE;
      default:
        throw new IllegalArgumentException(
            "Unknown pin \"" + text + "\": use major, minor or none");
    }
  }
}
