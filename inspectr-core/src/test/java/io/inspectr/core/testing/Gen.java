package io.inspectr.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Building blocks for generated test inputs. */
public final class Gen {
  private Gen() {}

  /** One of the values. */
  @SafeVarargs
  public static <T> T oneOf(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /** A string of {@code min..max} characters drawn from {@code chars}. */
  public static String string(Random random, String chars, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(chars.charAt(random.nextInt(chars.length())));
    }
    return out.toString();
  }

  /** Any string, of any UTF-16 code units, up to {@code max} long. */
  public static String anyString(Random random, int max) {
    int length = random.nextInt(max + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x10000));
    }
    return out.toString();
  }

  /** A list of {@code min..max} elements. */
  public static <T> List<T> list(Random random, int min, int max, Function<Random, T> element) {
    int size = min + random.nextInt(max - min + 1);
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(element.apply(random));
    }
    return out;
  }

  /** {@code true} with the given probability. */
  public static boolean chance(Random random, double probability) {
    return random.nextDouble() < probability;
  }
}
