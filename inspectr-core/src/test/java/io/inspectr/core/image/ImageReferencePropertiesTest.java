package io.inspectr.core.image;

import static io.inspectr.core.testing.Gen.chance;
import static io.inspectr.core.testing.Gen.list;
import static io.inspectr.core.testing.Gen.oneOf;
import static io.inspectr.core.testing.Gen.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.testing.Gen;
import io.inspectr.core.testing.Property;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the reference grammar over generated inputs. */
class ImageReferencePropertiesTest {

  @Test
  void parseOfToStringIsIdentity() {
    Property.forAll(
        3000,
        ImageReferencePropertiesTest::validReference,
        input -> {
          ImageReference ref = ImageReference.parse(input);

          assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
          assertThat(ImageReference.parse(ref.familiar())).isEqualTo(ref);
          assertThat(ref.toString()).isEqualTo(ref.normalized());
        });
  }

  @Test
  void generatedReferencesKeepTheirParts() {
    Property.forAll(
        3000,
        ImageReferencePropertiesTest::validReference,
        input -> {
          ImageReference ref = ImageReference.parse(input);

          assertThat(ref.tag().isPresent() || ref.digest().isPresent()).isTrue();
          assertThat(ref.path()).isLowerCase();
          assertThat(ref.path().length()).isLessThanOrEqualTo(ImageReference.MAX_PATH_LENGTH);
          assertThat(input).contains(ref.path().replaceFirst("^library/", ""));
        });
  }

  @Test
  void arbitraryStringsThrowNothingButTheTypedException() {
    Property.forAll(
        20_000,
        random -> Gen.anyString(random, 300),
        ImageReferencePropertiesTest::parseOrTypedFailure);
  }

  @Test
  void nearMissesThrowNothingButTheTypedException() {
    Property.forAll(
        20_000,
        random -> string(random, "aZ09._-/:@[]%$ ", 0, 40),
        ImageReferencePropertiesTest::parseOrTypedFailure);
  }

  @Test
  void mutatedValidReferencesThrowNothingButTheTypedException() {
    Property.forAll(
        10_000,
        random -> {
          StringBuilder text = new StringBuilder(validReference(random));
          int position = random.nextInt(text.length());
          text.setCharAt(position, oneOf(random, ':', '@', '/', 'A', '.', '-', '_', '[', ' '));
          return text.toString();
        },
        ImageReferencePropertiesTest::parseOrTypedFailure);
  }

  private static void parseOrTypedFailure(String input) {
    try {
      ImageReference.parse(input);
    } catch (InvalidImageReferenceException expected) {
      assertThat(expected.input()).isEqualTo(input);
      assertThat(expected.getMessage()).startsWith(InvalidImageReferenceException.MESSAGE_PREFIX);
    }
  }

  /** A valid reference: optional registry, 1-4 path components, optional tag and digest. */
  static String validReference(Random random) {
    String domain =
        switch (random.nextInt(5)) {
          case 0 -> "";
          case 1 -> oneOf(random, "docker.io/", "index.docker.io/", "localhost/", "ghcr.io/");
          case 2 -> hostName(random) + port(random) + "/";
          case 3 -> ipv4(random) + port(random) + "/";
          default -> "localhost" + port(random) + "/";
        };
    // Without a registry, a first component containing '.' is read as one (that is the grammar),
    // so such paths start with a component without dots.
    StringBuilder name = new StringBuilder(domain).append(pathComponent(random, !domain.isEmpty()));
    for (String component : list(random, 0, 3, r -> pathComponent(r, true))) {
      name.append('/').append(component);
    }
    if (chance(random, 0.7)) {
      name.append(':')
          .append(string(random, "abcXYZ019_", 1, 1))
          .append(string(random, "abcXYZ019_.-", 0, 20));
    }
    if (chance(random, 0.3) || name.indexOf(":", domain.length()) < 0 && chance(random, 0.5)) {
      name.append("@sha256:").append(string(random, "0123456789abcdef", 64, 64));
    }
    return name.toString();
  }

  private static String hostName(Random random) {
    return String.join(
        ".",
        list(
            random,
            2,
            4,
            r ->
                string(r, "abcdefXYZ0189", 1, 1)
                    + string(r, "abcXYZ019-", 0, 8)
                    + string(r, "abcXYZ019", 1, 1)));
  }

  private static String ipv4(Random random) {
    return random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256);
  }

  private static String port(Random random) {
    return chance(random, 0.5) ? ":" + (1 + random.nextInt(65535)) : "";
  }

  private static String pathComponent(Random random, boolean dots) {
    StringBuilder out = new StringBuilder(string(random, "abcdxyz0189", 1, 6));
    for (int i = random.nextInt(3); i > 0; i--) {
      out.append(
              dots
                  ? oneOf(random, ".", "_", "__", "-", "--", "---")
                  : oneOf(random, "_", "__", "-", "--"))
          .append(string(random, "abcdxyz0189", 1, 6));
    }
    return out.toString();
  }
}
