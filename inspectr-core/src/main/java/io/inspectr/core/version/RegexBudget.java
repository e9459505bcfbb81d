package io.inspectr.core.version;

import java.time.Duration;

/**
 * Bounds the time regular expressions from configuration or annotations may take. Such patterns
 * come from people who may not know that {@code (.*a){12}b} backtracks for minutes; a scan must not
 * hang on them. Matching runs over a {@link CharSequence} that checks a deadline as the engine
 * reads it, so a runaway match ends with {@link RegexTimeoutException}.
 */
final class RegexBudget {
  /** How long all the pattern matching of one upgrade search may take. */
  static final Duration SEARCH_BUDGET = Duration.ofSeconds(2);

  /** How long one match through the public {@link VersionScheme#parse} may take. */
  static final Duration SINGLE_MATCH_BUDGET = Duration.ofMillis(200);

  private RegexBudget() {}

  /**
   * The text, read with a deadline.
   *
   * @param text the text to match
   * @param deadlineNanos a {@link System#nanoTime()} value
   * @param pattern the pattern, for the message
   * @return a sequence that throws {@link RegexTimeoutException} once the deadline passed
   */
  static CharSequence bounded(String text, long deadlineNanos, String pattern) {
    return new Bounded(text, deadlineNanos, pattern);
  }

  /** A deadline {@code budget} from now. */
  static long deadline(Duration budget) {
    return System.nanoTime() + budget.toNanos();
  }

  private static final class Bounded implements CharSequence {
    private final String text;
    private final long deadlineNanos;
    private final String pattern;
    private int reads;

    Bounded(String text, long deadlineNanos, String pattern) {
      this.text = text;
      this.deadlineNanos = deadlineNanos;
      this.pattern = pattern;
    }

    @Override
    public char charAt(int index) {
      // Checking the clock on every read would double the cost of sane patterns.
      if ((++reads & 0x3FF) == 0 && System.nanoTime() - deadlineNanos > 0) {
        throw new RegexTimeoutException(pattern);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Bounded(text.substring(start, end), deadlineNanos, pattern);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
