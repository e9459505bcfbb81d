package io.inspectr.registry.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A missing registry binary fails the integration tests, with the fix; it never skips them. */
class BinariesTest {

  @Test
  void failsWithTheInstallScriptWhenABinaryIsMissing() {
    assertThatThrownBy(
            () -> Binaries.require(Path.of("/nonexistent/docker-registry"), "docker-registry"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/nonexistent/docker-registry is missing")
        .hasMessageContaining("scripts/install-test-deps.sh");
  }
}
