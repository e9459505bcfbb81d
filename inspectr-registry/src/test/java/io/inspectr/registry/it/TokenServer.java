package io.inspectr.registry.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.inspectr.registry.testing.TestKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token server for the registry's token auth, on 127.0.0.1: {@code GET /token?service=&scope=}
 * with Basic credentials answers a JWT (RS256, the signing certificate in the {@code x5c} header)
 * granting the requested actions; wrong credentials get 401; anonymous callers get a token that
 * grants nothing, as real token services do. The key and a self-signed certificate are made at test
 * time with the JDK's {@code keytool}; the registry trusts the certificate through its {@code
 * rootcertbundle}.
 */
final class TokenServer implements AutoCloseable {
  static final String SERVICE = "inspectr-test-registry";
  static final String ISSUER = "inspectr-test-issuer";

  private final HttpServer server;
  private final Path dir;
  private final PrivateKey key;
  private final X509Certificate certificate;
  private final String user;
  private final String password;
  private final AtomicInteger requests = new AtomicInteger();

  TokenServer(String user, String password) throws Exception {
    this.user = user;
    this.password = password;
    dir = Files.createTempDirectory("inspectr-token-server");
    KeyStore ks =
        TestKeys.generate(
            dir.resolve("signing.p12"),
            "signing",
            "CN=inspectr test token signer",
            "-startdate",
            "-1d");
    key = (PrivateKey) ks.getKey("signing", TestKeys.PASSWORD.toCharArray());
    certificate = (X509Certificate) ks.getCertificate("signing");
    TestKeys.writePem(certificate, certificateFile());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/token", this::token);
    server.start();
  }

  Path certificateFile() {
    return dir.resolve("signing.crt");
  }

  String authority() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String realm() {
    return "http://" + authority() + "/token";
  }

  int requests() {
    return requests.get();
  }

  /** A token the test itself uses to push, e.g. {@code repository:team/app:push,pull}. */
  String mint(String scope) throws Exception {
    return jwt(List.of(scope), "pusher");
  }

  private void token(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try {
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      String given = exchange.getRequestHeaders().getFirst("Authorization");
      List<String> scopes = new ArrayList<>();
      String service = "";
      String query = exchange.getRequestURI().getRawQuery();
      for (String part : query == null ? new String[0] : query.split("&")) {
        String[] kv = part.split("=", 2);
        String v = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        if (kv[0].equals("scope")) {
          scopes.add(v);
        } else if (kv[0].equals("service")) {
          service = v;
        }
      }
      if (given != null && !given.equals(expected)) {
        respond(exchange, 401, "{\"details\":\"incorrect username or password\"}");
        return;
      }
      if (!service.equals(SERVICE)) {
        respond(exchange, 400, "{\"details\":\"unknown service\"}");
        return;
      }
      String token = jwt(given == null ? List.of() : scopes, given == null ? "" : user);
      respond(
          exchange,
          200,
          "{\"token\":\""
              + token
              + "\",\"expires_in\":300,\"issued_at\":\""
              + Instant.now()
              + "\"}");
    } catch (Exception e) {
      respond(exchange, 500, "{\"details\":\"" + e + "\"}");
    }
  }

  private String jwt(List<String> scopes, String subject) throws Exception {
    StringBuilder access = new StringBuilder("[");
    for (String scope : scopes) {
      int first = scope.indexOf(':');
      int last = scope.lastIndexOf(':');
      String type = scope.substring(0, first);
      String name = scope.substring(first + 1, last);
      String[] actions = scope.substring(last + 1).split(",");
      access
          .append(access.length() > 1 ? "," : "")
          .append("{\"type\":\"")
          .append(type)
          .append("\",\"name\":\"")
          .append(name)
          .append("\",\"actions\":[");
      for (int i = 0; i < actions.length; i++) {
        access.append(i == 0 ? "" : ",").append('"').append(actions[i]).append('"');
      }
      access.append("]}");
    }
    access.append("]");
    long now = Instant.now().getEpochSecond();
    String header =
        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5c\":[\""
            + Base64.getEncoder().encodeToString(certificate.getEncoded())
            + "\"]}";
    String claims =
        "{\"iss\":\""
            + ISSUER
            + "\",\"sub\":\""
            + subject
            + "\",\"aud\":\""
            + SERVICE
            + "\",\"exp\":"
            + (now + 300)
            + ",\"nbf\":"
            + (now - 10)
            + ",\"iat\":"
            + now
            + ",\"jti\":\""
            + UUID.randomUUID()
            + "\",\"access\":"
            + access
            + "}";
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        url.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + url.encodeToString(signature.sign());
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() throws Exception {
    server.stop(0);
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }
}
