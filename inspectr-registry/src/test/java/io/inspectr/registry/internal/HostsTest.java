package io.inspectr.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which hosts are plain HTTP: exactly the {@code host[:port]} listed, as Docker matches them. */
class HostsTest {

  @Test
  void matchesAListedAuthorityExactlyWhateverItsCase() {
    Hosts hosts = new Hosts(Set.of("Registry.Local:5000", "mirror.local"));

    assertThat(hosts.isInsecure("registry.local:5000")).isTrue();
    assertThat(hosts.isInsecure("REGISTRY.local:5000")).isTrue();
    assertThat(hosts.isInsecure("mirror.local")).isTrue();
  }

  @Test
  void anEntryWithoutAPortCoversNoOtherPortAndOneWithAPortNoOtherPortEither() {
    Hosts hosts = new Hosts(Set.of("registry.local", "mirror.local:5000"));

    assertThat(hosts.isInsecure("registry.local:5000")).isFalse();
    assertThat(hosts.isInsecure("mirror.local")).isFalse();
    assertThat(hosts.isInsecure("mirror.local:5001")).isFalse();
    assertThat(hosts.base("registry.local:5000"))
        .isEqualTo(URI.create("https://registry.local:5000"));
    assertThat(hosts.allows(URI.create("http://registry.local:5000/v2/"))).isFalse();
    assertThat(hosts.allows(URI.create("http://registry.local/v2/"))).isTrue();
  }
}
