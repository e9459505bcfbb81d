package io.inspectr.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inspectr.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerConfigTest {
  private static Map<String, Credential> parse(String json) {
    return DockerConfig.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(String s, boolean padded) {
    Base64.Encoder e = padded ? Base64.getEncoder() : Base64.getEncoder().withoutPadding();
    return e.encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void letsAuthWinOverUsernameAndPassword() {
    Map<String, Credential> c =
        parse(
            "{\"auths\":{\"r.example\":{\"username\":\"x\",\"password\":\"y\",\"auth\":\""
                + b64("user:pa:ss", true)
                + "\"}}}");

    assertThat(c).containsEntry("r.example", Credential.basic("user", Secret.of("pa:ss")));
  }

  @Test
  void acceptsUnpaddedAuth() {
    Map<String, Credential> c =
        parse("{\"auths\":{\"r\":{\"auth\":\"" + b64("ab:c", false) + "\"}}}");

    assertThat(c).containsEntry("r", Credential.basic("ab", Secret.of("c")));
  }

  @Test
  void readsUsernameAndPasswordAndRegistryTokens() {
    Map<String, Credential> c =
        parse(
            "{\"auths\":{\"a\":{\"username\":\"u\",\"password\":\"p\"},"
                + "\"b\":{\"registrytoken\":\"tok\"},\"c\":{\"email\":\"only@mail\"}}}");

    assertThat(c)
        .containsEntry("a", Credential.basic("u", Secret.of("p")))
        .containsEntry("b", Credential.bearer(Secret.of("tok")))
        .doesNotContainKey("c");
    assertThat(c.get("b").authorization()).isEqualTo("Bearer tok");
  }

  @Test
  void readsTheLegacyDockercfgMap() {
    assertThat(parse("{\"quay.io\":{\"auth\":\"" + b64("q:w", true) + "\"}}"))
        .containsEntry("quay.io", Credential.basic("q", Secret.of("w")));
  }

  @Test
  void failsWithoutQuotingTheDocument() {
    assertThatThrownBy(() -> parse("{\"auths\":{\"r\":{\"password\":\"hunter2\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("it is not valid JSON");
  }

  @Test
  void printsNoSecret() {
    assertThat(Credential.basic("u", Secret.of("hunter2")).toString()).doesNotContain("hunter2");
    assertThat(Credential.bearer(Secret.of("tok123")).toString()).doesNotContain("tok123");
  }
}
