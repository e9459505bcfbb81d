package io.inspectr.registry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A test-only RSA key with a self-signed certificate, made at test time with the JDK's {@code
 * keytool} (no key material is committed), for TLS servers and token signers on loopback.
 */
public final class TestKeys {
  /** The password of the store and the key. */
  public static final String PASSWORD = "changeit";

  private TestKeys() {}

  /**
   * Makes a PKCS12 store with one key pair valid for two days.
   *
   * @param store where to write the store
   * @param alias the key's alias
   * @param distinguishedName the certificate's subject, e.g. {@code CN=127.0.0.1}
   * @param extraArguments more keytool arguments, e.g. {@code -ext san=ip:127.0.0.1}
   * @return the loaded store
   */
  public static KeyStore generate(
      Path store, String alias, String distinguishedName, String... extraArguments)
      throws IOException, InterruptedException, GeneralSecurityException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-sigalg",
                "SHA256withRSA",
                "-dname",
                distinguishedName,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
    command.addAll(List.of(extraArguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new AssertionError("keytool failed: " + out);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    return keys;
  }

  /**
   * Writes a certificate as PEM.
   *
   * @param certificate the certificate
   * @param file where to write it
   */
  public static void writePem(Certificate certificate, Path file)
      throws IOException, GeneralSecurityException {
    Files.writeString(
        file,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
  }
}
