package io.inspectr.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
  private static final String HEX = "0123456789abcdef".repeat(4);

  @Test
  void parsesAndPrintsBack() {
    Digest digest = Digest.parse("sha256:" + HEX);

    assertThat(digest.algorithm()).isEqualTo("sha256");
    assertThat(digest.hex()).isEqualTo(HEX);
    assertThat(digest).hasToString("sha256:" + HEX);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker.io/library/nginx@sha256:"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "docker-pullable://nginx@sha256:"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "docker://registry.local/app@sha256:"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      })
  void readsTheRepositoryDigestOfAnImageId(String imageId) {
    assertThat(Digest.fromImageId(imageId)).contains(Digest.parse("sha256:" + HEX));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "docker://sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "nginx@sha256:short",
      })
  void treatsConfigDigestsAndJunkAsUnknown(String imageId) {
    assertThat(Digest.fromImageId(imageId)).isEmpty();
    assertThat(Digest.fromImageId(null)).isEmpty();
  }

  @Test
  void rejectsUnknownAlgorithmsAndBadEncodings() {
    assertThatThrownBy(() -> Digest.parse("md5:" + HEX))
        .isInstanceOfSatisfying(
            InvalidImageReferenceException.class,
            e -> assertThat(e.rule()).isEqualTo(ReferenceRule.DIGEST_ALGORITHM));
    assertThatThrownBy(() -> Digest.parse("sha256:" + HEX.toUpperCase()))
        .isInstanceOfSatisfying(
            InvalidImageReferenceException.class,
            e -> assertThat(e.rule()).isEqualTo(ReferenceRule.DIGEST_ENCODING));
    assertThatThrownBy(() -> Digest.parse("sha256"))
        .isInstanceOfSatisfying(
            InvalidImageReferenceException.class,
            e -> assertThat(e.rule()).isEqualTo(ReferenceRule.DIGEST));
  }
}
