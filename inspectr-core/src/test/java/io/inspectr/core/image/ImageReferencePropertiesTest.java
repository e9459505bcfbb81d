package io.inspectr.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the reference grammar over generated inputs. */
class ImageReferencePropertiesTest {

  @Property(tries = 2000)
  void parseOfToStringIsIdentity(@ForAll("references") String input) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
    assertThat(ImageReference.parse(ref.familiar())).isEqualTo(ref);
    assertThat(ref.toString()).isEqualTo(ref.normalized());
  }

  @Property(tries = 2000)
  void generatedReferencesKeepTheirParts(@ForAll("references") String input) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref.tag().isPresent() || ref.digest().isPresent()).isTrue();
    assertThat(ref.path()).isLowerCase();
    assertThat(ref.path().length()).isLessThanOrEqualTo(ImageReference.MAX_PATH_LENGTH);
  }

  @Property(tries = 5000)
  void arbitraryStringsThrowNothingButTheTypedException(@ForAll String input) {
    assertThatCode(() -> parseOrTypedFailure(input)).doesNotThrowAnyException();
  }

  @Property(tries = 5000)
  void nearMissesThrowNothingButTheTypedException(@ForAll("nearMisses") String input) {
    assertThatCode(() -> parseOrTypedFailure(input)).doesNotThrowAnyException();
  }

  private static void parseOrTypedFailure(String input) {
    try {
      ImageReference.parse(input);
    } catch (InvalidImageReferenceException expected) {
      assertThat(expected.input()).isEqualTo(input);
    }
  }

  @Provide
  Arbitrary<String> references() {
    Arbitrary<String> domain =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.of("docker.io/", "index.docker.io/", "localhost/", "ghcr.io/", "quay.io/"),
            Combinators.combine(hostNames(), ports()).as((h, p) -> h + p + "/"),
            Combinators.combine(Arbitraries.integers().between(0, 255).list().ofSize(4), ports())
                .as(
                    (octets, p) ->
                        String.join(".", octets.stream().map(String::valueOf).toList()) + p + "/"));
    Arbitrary<String> tag =
        Combinators.combine(
                Arbitraries.strings().withChars("abcXYZ019_").ofLength(1),
                Arbitraries.strings().withChars("abcXYZ019_.-").ofMaxLength(20))
            .as((first, rest) -> ":" + first + rest);
    Arbitrary<String> digest =
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(h -> "@sha256:" + h);
    // Without a registry, a first component containing '.' is read as a registry (that is the
    // grammar), so such paths start with a component without dots.
    Arbitrary<String> name =
        domain.flatMap(
            d ->
                Combinators.combine(
                        d.isEmpty() ? pathComponent(false) : pathComponent(true),
                        pathComponent(true).list().ofMaxSize(3))
                    .as(
                        (first, rest) ->
                            d
                                + first
                                + rest.stream().map(c -> "/" + c).reduce("", String::concat)));
    return Combinators.combine(name, tag.injectNull(0.3), digest.injectNull(0.7))
        .as((n, t, g) -> n + (t == null ? "" : t) + (g == null ? "" : g));
  }

  private static Arbitrary<String> hostNames() {
    Arbitrary<String> label =
        Combinators.combine(
                Arbitraries.strings().withChars("abcdefXYZ0189").ofLength(1),
                Arbitraries.strings().withChars("abcXYZ019-").ofMaxLength(8),
                Arbitraries.strings().withChars("abcXYZ019").ofLength(1))
            .as((a, b, c) -> a + b + c);
    return label.list().ofMinSize(2).ofMaxSize(4).map(l -> String.join(".", l));
  }

  private static Arbitrary<String> ports() {
    return Arbitraries.integers()
        .between(1, 65535)
        .map(p -> ":" + p)
        .injectNull(0.5)
        .map(p -> p == null ? "" : p);
  }

  private static Arbitrary<String> pathComponent(boolean dots) {
    Arbitrary<String> alnum =
        Arbitraries.strings().withChars("abcdxyz0189").ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> separator =
        dots
            ? Arbitraries.of(".", "_", "__", "-", "--", "---")
            : Arbitraries.of("_", "__", "-", "--");
    return Combinators.combine(
            alnum, Combinators.combine(separator, alnum).as(String::concat).list().ofMaxSize(2))
        .as((head, tail) -> head + String.join("", tail));
  }

  @Provide
  Arbitrary<String> nearMisses() {
    return Arbitraries.strings()
        .withChars("aZ09._-/:@[]%$ ")
        .ofMaxLength(40)
        .edgeCases(edges -> edges.add(":").add("@").add("/").add("a:").add("a@sha256:"));
  }
}
