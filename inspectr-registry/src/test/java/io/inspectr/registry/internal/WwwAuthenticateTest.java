package io.inspectr.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WwwAuthenticateTest {

  @Test
  void keepsCommasInsideAQuotedScope() {
    List<Challenge> c =
        WwwAuthenticate.parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:samalba/my-app:pull,push\"");

    assertThat(c).hasSize(1);
    assertThat(c.get(0).isBearer()).isTrue();
    assertThat(c.get(0).params())
        .isEqualTo(
            Map.of(
                "realm", "https://auth.docker.io/token",
                "service", "registry.docker.io",
                "scope", "repository:samalba/my-app:pull,push"));
  }

  @Test
  void readsSeveralChallengesInOneHeaderAndAcrossHeaders() {
    List<Challenge> c =
        WwwAuthenticate.parse(
            List.of(
                "Basic realm=\"basic-realm\", BEARER Realm=\"https://r/t\", error=\"insufficient_scope\"",
                "Negotiate"));

    assertThat(c).extracting(Challenge::scheme).containsExactly("basic", "bearer", "negotiate");
    assertThat(c.get(1).param("realm")).contains("https://r/t");
    assertThat(c.get(1).param("error")).contains("insufficient_scope");
    assertThat(c.get(1).param("service")).isEmpty();
  }

  @Test
  void readsUnquotedValuesAndEscapes() {
    List<Challenge> c =
        WwwAuthenticate.parse("Bearer realm=https://r/token, service = svc , x=\"a\\\"b\"");

    assertThat(c.get(0).params())
        .containsEntry("realm", "https://r/token")
        .containsEntry("service", "svc")
        .containsEntry("x", "a\"b");
  }

  @Test
  void readsNothingFromNothing() {
    assertThat(WwwAuthenticate.parse("")).isEmpty();
    assertThat(WwwAuthenticate.parse(List.of())).isEmpty();
  }
}
