package io.inspectr.core.image;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a string is not a valid image reference. It names the input and the rule it breaks,
 * and suggests a fix. Unchecked: an invalid reference is bad input, and callers that scan many
 * images catch it per image so that one bad image never stops a scan.
 *
 * @since 0.1
 */
public final class InvalidImageReferenceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The stable start of every message, for callers and tests that match on it. */
  public static final String MESSAGE_PREFIX = "Invalid image reference ";

  private final String input;
  private final ReferenceRule rule;
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param input the rejected input, never {@code null}
   * @param rule the rule it breaks, never {@code null}
   * @param detail the offending part of the input, never {@code null} (may be empty)
   */
  public InvalidImageReferenceException(String input, ReferenceRule rule, String detail) {
    super(message(requireNonNull(input, "input"), requireNonNull(rule, "rule"), detail));
    this.input = input;
    this.rule = rule;
    this.detail = requireNonNull(detail, "detail");
  }

  private static String message(String input, ReferenceRule rule, String detail) {
    String where =
        detail.isEmpty() || detail.equals(input) ? "" : " at \"" + shorten(detail) + "\"";
    return MESSAGE_PREFIX
        + "\""
        + shorten(input)
        + "\""
        + where
        + ": "
        + rule.requirement()
        + "; "
        + rule.fix()
        + ".";
  }

  /** Keeps messages readable when the input is a megabyte of junk. */
  private static String shorten(String text) {
    int max = 300;
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= max
        ? printable
        : printable.substring(0, max) + "...(" + text.length() + " characters)";
  }

  /**
   * The input that was rejected.
   *
   * @return never {@code null}
   */
  public String input() {
    return input;
  }

  /**
   * The rule the input breaks.
   *
   * @return never {@code null}
   */
  public ReferenceRule rule() {
    return rule;
  }

  /**
   * The part of the input that breaks the rule (the tag, the host, ...), or the whole input.
   *
   * @return never {@code null}
   */
  public String detail() {
    return detail;
  }
}
