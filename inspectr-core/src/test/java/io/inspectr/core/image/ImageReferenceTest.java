package io.inspectr.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  private static final String HEX = "0123456789abcdef".repeat(4);
  private static final String DIGEST = "sha256:" + HEX;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // input                                  | domain               | path
        // | tag            | digest
        "nginx                                    | docker.io            | library/nginx            | latest         | -",
        "nginx:1.25                               | docker.io            | library/nginx            | 1.25           | -",
        "library/nginx                            | docker.io            | library/nginx            | latest         | -",
        "docker.io/nginx                          | docker.io            | library/nginx            | latest         | -",
        "index.docker.io/library/nginx:1.25       | docker.io            | library/nginx            | 1.25           | -",
        "registry-1.docker.io/nginx               | registry-1.docker.io | nginx                    | latest         | -",
        "bitnami/redis:7.2                        | docker.io            | bitnami/redis            | 7.2            | -",
        "registry/x                               | docker.io            | registry/x               | latest         | -",
        "registry:5000/x                          | registry:5000        | x                        | latest         | -",
        "localhost:5000/foo/bar:1                 | localhost:5000       | foo/bar                  | 1              | -",
        "localhost/foo                            | localhost            | foo                      | latest         | -",
        "localhost                                | docker.io            | library/localhost        | latest         | -",
        "test.com:5000                            | docker.io            | library/test.com         | 5000           | -",
        "test.com/repo:tag                        | test.com             | repo                     | tag            | -",
        "192.168.1.1:5000/repo:5050               | 192.168.1.1:5000     | repo                     | 5050           | -",
        "[::1]:5000/repo                          | [::1]:5000           | repo                     | latest         | -",
        "b.gcr.io/test.example.com/my-app:test.example.com | b.gcr.io | test.example.com/my-app | test.example.com | -",
        "a/b/c/d                                  | docker.io            | a/b/c/d                  | latest         | -",
        "Foo/bar                                  | Foo                  | bar                      | latest         | -",
        "ghcr.io/org/app:v2.0.1                   | ghcr.io              | org/app                  | v2.0.1         | -",
        "nginx:Latest                             | docker.io            | library/nginx            | Latest         | -",
        "foo--bar:1                               | docker.io            | library/foo--bar         | 1              | -",
        "foo__bar                                 | docker.io            | library/foo__bar         | latest         | -",
        "xn--7o8h.com/myimage:xn--7o8h.com        | xn--7o8h.com         | myimage                  | xn--7o8h.com   | -",
      })
  void parsesLikeTheDistributionLibrary(
      String input, String domain, String path, String tag, String digest) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref.domain()).isEqualTo(domain);
    assertThat(ref.path()).isEqualTo(path);
    assertThat(ref.tag()).contains(tag);
    assertThat(ref.digest()).isEmpty();
  }

  @Test
  void keepsDigestWithoutAddingLatest() {
    ImageReference ref = ImageReference.parse("gcr.io/proj/img@" + DIGEST);

    assertThat(ref.domain()).isEqualTo("gcr.io");
    assertThat(ref.path()).isEqualTo("proj/img");
    assertThat(ref.tag()).isEmpty();
    assertThat(ref.digest()).contains(Digest.parse(DIGEST));
    assertThat(ref).hasToString("gcr.io/proj/img@" + DIGEST);
  }

  @Test
  void keepsTagAndDigestTogether() {
    ImageReference ref = ImageReference.parse("nginx:1.25@" + DIGEST);

    assertThat(ref.tag()).contains("1.25");
    assertThat(ref.digest().map(Digest::hex)).contains(HEX);
    assertThat(ref.normalized()).isEqualTo("docker.io/library/nginx:1.25@" + DIGEST);
    assertThat(ref.familiar()).isEqualTo("nginx:1.25@" + DIGEST);
  }

  @Test
  void acceptsLongerDigestAlgorithms() {
    String sha512 = "sha512:" + HEX + HEX;

    assertThat(ImageReference.parse("repo@" + sha512).digest().map(Digest::algorithm))
        .contains("sha512");
  }

  @ParameterizedTest
  @CsvSource({
    "nginx, nginx:latest",
    "docker.io/library/nginx:1.25, nginx:1.25",
    "bitnami/redis:7, bitnami/redis:7",
    "ghcr.io/org/app:1, ghcr.io/org/app:1",
    "docker.io/localhost/x:1, docker.io/localhost/x:1",
    "docker.io/library/a/b:1, library/a/b:1",
  })
  void familiarFormIsShortAndParsesBack(String input, String familiar) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref.familiar()).isEqualTo(familiar);
    assertThat(ImageReference.parse(ref.familiar())).isEqualTo(ref);
  }

  @ParameterizedTest
  @CsvSource({
    "nginx, docker.io/library/nginx:latest",
    "localhost:5000/foo/bar:1, localhost:5000/foo/bar:1",
    "index.docker.io/x/y:2, docker.io/x/y:2",
  })
  void toStringIsTheNormalizedFormAndRoundTrips(String input, String normalized) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref).hasToString(normalized);
    assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
  }

  @ParameterizedTest(name = "{0} breaks {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                         | EMPTY",
        "'   '                      | EMPTY",
        "ngi nx                     | WHITESPACE",
        "Nginx                      | PATH_LOWERCASE",
        "foo/Bar                    | PATH_LOWERCASE",
        "docker.io/Library/nginx    | PATH_LOWERCASE",
        ":tag                       | FORMAT",
        "nginx:                     | FORMAT",
        "@sha256:abc                | FORMAT",
        "nginx@                     | FORMAT",
        "aa/asdf$$^/aa              | PATH_COMPONENT",
        "foo-_bar                   | PATH_COMPONENT",
        "foo..bar                   | PATH_COMPONENT",
        "foo___bar                  | PATH_COMPONENT",
        "-foo                       | PATH_COMPONENT",
        "foo/                       | PATH_COMPONENT",
        "nginx:-1                   | TAG",
        "nginx:.1                   | TAG",
        "nginx:1+2                  | TAG",
        "host:port/repo             | DOMAIN",
        "-bad.com/repo              | DOMAIN",
        "bad-.com:5000/repo         | DOMAIN",
        "[fe80::1%eth0]:5000/repo   | DOMAIN",
        "localhost:/repo            | DOMAIN",
        "repo@sha256:ffff           | DIGEST_ENCODING",
        "repo@sha256:"
            + "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789 | DIGEST_ENCODING",
        "repo@md5:d41d8cd98f00b204e9800998ecf8427e | DIGEST_ALGORITHM",
        "repo@sha256                | DIGEST",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | IMAGE_ID",
      })
  void rejectsWithTheBrokenRule(String input, ReferenceRule rule) {
    assertThatThrownBy(() -> ImageReference.parse(input))
        .isInstanceOf(InvalidImageReferenceException.class)
        .satisfies(
            e -> {
              InvalidImageReferenceException invalid = (InvalidImageReferenceException) e;
              assertThat(invalid.rule()).isEqualTo(rule);
              assertThat(invalid.input()).isEqualTo(input);
            })
        .hasMessageStartingWith(InvalidImageReferenceException.MESSAGE_PREFIX)
        .hasMessageContaining(rule.requirement())
        .hasMessageContaining(rule.fix());
  }

  @Test
  void messageNamesTheInputAndTheOffendingPart() {
    assertThatThrownBy(() -> ImageReference.parse("ghcr.io/org/app:bad+tag"))
        .hasMessageContaining("\"ghcr.io/org/app:bad+tag\"")
        .hasMessageContaining("at \"bad+tag\"");
  }

  @Test
  void limitsTagsTo128Characters() {
    String longest = "a".repeat(ImageReference.MAX_TAG_LENGTH);

    assertThat(ImageReference.parse("nginx:" + longest).tag()).contains(longest);
    assertThatThrownBy(() -> ImageReference.parse("nginx:" + longest + "a"))
        .isInstanceOfSatisfying(
            InvalidImageReferenceException.class,
            e -> assertThat(e.rule()).isEqualTo(ReferenceRule.TAG_LENGTH));
  }

  @Test
  void limitsRepositoryPathTo255Characters() {
    String path = "a/".repeat(127) + "a"; // 255 characters

    assertThat(ImageReference.parse("example.com/" + path).path()).hasSize(255);
    assertThatThrownBy(() -> ImageReference.parse("example.com/" + path + "a"))
        .isInstanceOfSatisfying(
            InvalidImageReferenceException.class,
            e -> assertThat(e.rule()).isEqualTo(ReferenceRule.NAME_LENGTH));
  }

  @Test
  void countsTheLibraryPrefixTowardsTheLimit() {
    String name = "a".repeat(250); // "library/" makes it 258

    assertThatThrownBy(() -> ImageReference.parse(name))
        .isInstanceOfSatisfying(
            InvalidImageReferenceException.class,
            e -> assertThat(e.rule()).isEqualTo(ReferenceRule.NAME_LENGTH));
  }

  @Test
  void shortensHugeInputsInMessages() {
    String junk = "A".repeat(100_000);

    assertThatThrownBy(() -> ImageReference.parse(junk))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000))
        .hasMessageContaining("(100000 characters)");
  }

  @Test
  void withTagReplacesTagAndDropsDigest() {
    ImageReference ref = ImageReference.parse("nginx:1.25@" + DIGEST);

    assertThat(ref.withTag("1.26")).isEqualTo(ImageReference.parse("nginx:1.26"));
  }

  @Test
  void ofRequiresTagOrDigest() {
    Repository repository = Repository.parse("nginx");

    assertThatThrownBy(() -> ImageReference.of(repository, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("docker.io/library/nginx");
  }

  @Test
  void repositoryNormalizesDockerHubNames() {
    assertThat(new Repository("index.docker.io", "nginx"))
        .isEqualTo(new Repository("docker.io", "library/nginx"));
    assertThat(Repository.parse("nginx")).hasToString("docker.io/library/nginx");
    assertThat(Repository.parse("nginx").isDockerHub()).isTrue();
  }

  @Test
  void repositoryParseRejectsTagsAndDigests() {
    assertThatThrownBy(() -> Repository.parse("nginx:1.25"))
        .isInstanceOf(InvalidImageReferenceException.class);
    assertThatThrownBy(() -> Repository.parse("nginx@" + DIGEST))
        .isInstanceOf(InvalidImageReferenceException.class);
    assertThat(Repository.parse("localhost:5000/team/app"))
        .isEqualTo(new Repository("localhost:5000", "team/app"));
  }

  @Test
  void isValidNeverThrows() {
    assertThat(ImageReference.isValid("nginx:1")).isTrue();
    assertThat(ImageReference.isValid("Nginx")).isFalse();
    assertThat(ImageReference.isValid(null)).isFalse();
  }
}
