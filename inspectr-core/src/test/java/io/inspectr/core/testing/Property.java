package io.inspectr.core.testing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test runner: checks a property on many generated inputs and, when one fails,
 * names the input, the try and the seed so the failure can be replayed. The seed is fixed so CI is
 * deterministic; set {@code -Dinspectr.property.seed=<n>} to explore other inputs.
 */
public final class Property {
  private static final long DEFAULT_SEED = 20261126L;

  private Property() {}

  /**
   * Checks {@code property} on {@code tries} inputs made by {@code generator}.
   *
   * @param tries how many inputs
   * @param generator makes one input from a random source
   * @param property throws (an assertion) when the input breaks the property
   * @param <T> the input type
   */
  public static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> property) {
    long seed = Long.getLong("inspectr.property.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    for (int i = 0; i < tries; i++) {
      T input = generator.apply(random);
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "Property failed on try " + i + " (seed " + seed + ") for input: " + show(input), e);
      }
    }
  }

  private static String show(Object input) {
    String text = String.valueOf(input);
    return text.length() > 500 ? text.substring(0, 500) + "...(" + text.length() + " chars)" : text;
  }
}
