package io.inspectr.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.inspectr.core.config.Secret;
import io.inspectr.core.image.Repository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kubelet's matching of registry hosts to docker config keys. */
class KeyringTest {
  private static Credential cred(String user) {
    return Credential.basic(user, Secret.of("pw"));
  }

  private static Keyring keyring(String... keys) {
    Map<String, Credential> map = new LinkedHashMap<>();
    for (String k : keys) {
      map.put(k, cred(k));
    }
    return new Keyring(map);
  }

  @Test
  void usesTheIndexDockerIoKeyForDockerHubImages() {
    Keyring k = keyring("https://index.docker.io/v1/");

    assertThat(k.find(Repository.parse("nginx"))).contains(cred("https://index.docker.io/v1/"));
    assertThat(k.find(Repository.parse("quay.io/a/b"))).isEmpty();
  }

  @Test
  void matchesAHubKeyWrittenAsDockerIo() {
    assertThat(keyring("docker.io").find(Repository.parse("bitnami/redis")))
        .contains(cred("docker.io"));
  }

  @Test
  void doesNotMatchRegistry1ForDockerIoImages() {
    assertThat(keyring("registry-1.docker.io").find(Repository.parse("nginx"))).isEmpty();
  }

  @Test
  void needsEqualPorts() {
    Keyring k = keyring("registry.local:5000");

    assertThat(k.find(Repository.parse("registry.local:5000/a"))).isPresent();
    assertThat(k.find(Repository.parse("registry.local/a"))).isEmpty();
    assertThat(keyring("registry.local").find(Repository.parse("registry.local:5000/a"))).isEmpty();
  }

  @Test
  void globsOneLabelPerStar() {
    Keyring k = keyring("*.gcr.io");

    assertThat(k.find(Repository.parse("eu.gcr.io/p/a"))).isPresent();
    assertThat(k.find(Repository.parse("gcr.io/p/a"))).isEmpty();
    assertThat(k.find(Repository.parse("a.b.gcr.io/p/a"))).isEmpty();
    assertThat(
            keyring("*.dkr.ecr.*.amazonaws.com")
                .find(Repository.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app")))
        .isPresent();
  }

  @Test
  void prefersTheMostSpecificPathPrefix() {
    Keyring k = keyring("quay.io", "quay.io/coreos", "https://quay.io/v2/other");

    assertThat(k.find(Repository.parse("quay.io/coreos/etcd"))).contains(cred("quay.io/coreos"));
    assertThat(k.find(Repository.parse("quay.io/other/x")))
        .contains(cred("https://quay.io/v2/other"));
    assertThat(k.find(Repository.parse("quay.io/third/x"))).contains(cred("quay.io"));
  }
}
