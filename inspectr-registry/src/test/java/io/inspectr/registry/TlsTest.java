package io.inspectr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.inspectr.core.config.InvalidConfigurationException;
import io.inspectr.core.image.Repository;
import io.inspectr.core.spi.LookupCredentials;
import io.inspectr.core.spi.RegistryAccessException;
import io.inspectr.registry.generic.GenericRegistryProvider;
import io.inspectr.registry.testing.TestKeys;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** TLS is verified: a registry with a private CA works only once its certificate is trusted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
  private Path dir;
  private HttpsServer server;
  private Path certificate;
  private String authority;
  private final AtomicInteger requests = new AtomicInteger();
  private final Registries registries = new Registries();

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("inspectr-tls-test");
    // A self-signed certificate for 127.0.0.1, made now with the JDK's keytool.
    KeyStore keys =
        TestKeys.generate(
            dir.resolve("server.p12"), "server", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1");
    certificate = dir.resolve("ca.pem");
    TestKeys.writePem(keys.getCertificate("server"), certificate);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, TestKeys.PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext(
        "/v2/team/app/tags/list",
        e -> {
          requests.incrementAndGet();
          byte[] body = "{\"tags\":[\"1.0\"]}".getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(200, body.length);
          try (OutputStream o = e.getResponseBody()) {
            o.write(body);
          }
        });
    server.start();
    authority = "127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  void stop() throws Exception {
    server.stop(0);
    registries.close();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  private Repository repo() {
    return Repository.parse(authority + "/team/app");
  }

  @Test
  void trustsARegistryWhoseCaIsInTheBundle() throws Exception {
    OciAvailableImageData data =
        registries.create(
            new GenericRegistryProvider(), Map.of("ca-bundle", certificate.toString()));

    assertThat(data.tags(repo(), LookupCredentials.none()).tags()).containsExactly("1.0");
  }

  @Test
  void refusesAnUntrustedCertificateAndSaysWhatToDo() {
    OciAvailableImageData data = registries.create(new GenericRegistryProvider(), Map.of());
    int before = requests.get();

    assertThatThrownBy(() -> data.tags(repo(), LookupCredentials.none()))
        .isInstanceOfSatisfying(
            RegistryAccessException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("TLS with " + authority + " failed")
        .hasMessageContaining("inspectr.registry.ca-bundle");
    assertThat(requests.get()).isEqualTo(before);
  }

  @Test
  void rejectsABundleWithoutCertificates() throws Exception {
    Path notPem = dir.resolve("not.pem");
    Files.writeString(notPem, "hello");

    assertThatThrownBy(
            () ->
                new GenericRegistryProvider()
                    .create(registries.config(Map.of("ca-bundle", notPem.toString()))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("inspectr.registry.ca-bundle was '" + notPem + "'");
  }
}
