package io.inspectr.notify.internal;

import java.util.Optional;

/**
 * What a receiver's error answer means, for messages: the short text of its body and what a person
 * should do. Each channel has one (Slack's plain-text codes, JIRA's {@code errorMessages}).
 */
public interface ErrorExplainer {

  /** Explains nothing beyond the status and a short piece of the body. */
  ErrorExplainer PLAIN = new ErrorExplainer() {};

  /**
   * What the body says, short and on one line.
   *
   * @param answer the error answer
   * @return never {@code null}; may be empty
   */
  default String describe(HttpAnswer answer) {
    return snippet(answer.body());
  }

  /**
   * What to do about it, phrased to follow "perhaps you should".
   *
   * @param answer the error answer
   * @return empty when nothing specific is known
   */
  default Optional<String> fix(HttpAnswer answer) {
    return Optional.empty();
  }

  /**
   * The start of a body on one line: at most 200 characters, whitespace collapsed.
   *
   * @param body any text
   * @return never {@code null}
   */
  static String snippet(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
  }
}
