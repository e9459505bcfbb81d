package io.inspectr.registry.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The programs the integration tests run; missing ones fail the tests with how to install them. */
final class Binaries {
  static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
  static final Path HTPASSWD = Path.of("/usr/bin/htpasswd");

  private Binaries() {}

  static Path require(Path binary, String debianPackage) {
    if (!Files.isExecutable(binary)) {
      throw new AssertionError(
          binary
              + " is missing, so the registry integration tests cannot run; install Debian's "
              + debianPackage
              + " with scripts/install-test-deps.sh (scripts/test.sh does it for you)");
    }
    return binary;
  }
}
