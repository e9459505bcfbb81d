package io.inspectr.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inspectr.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the credentials of a docker {@code config.json} or Kubernetes pull secret: {@code
 * {"auths":{"<key>":{...}}}}, or the legacy {@code .dockercfg} map without {@code auths}. An
 * entry's {@code auth} (base64 of {@code user:password}, padded or not) wins over {@code username}
 * and {@code password}, as in the kubelet; {@code registrytoken} is a ready Bearer token. Entries
 * with nothing usable are left out.
 */
public final class DockerConfig {
  private DockerConfig() {}

  /**
   * The credentials by {@code auths} key.
   *
   * @param document the JSON document
   * @return never {@code null}
   * @throws IllegalArgumentException when it is not a docker config document; the message never
   *     contains its content
   */
  public static Map<String, Credential> parse(byte[] document) {
    JsonNode root;
    try {
      root = Json.tree(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Not e.getMessage(): Jackson quotes the document, which holds secrets.
      throw new IllegalArgumentException("it is not valid JSON");
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("it is not a JSON object");
    }
    JsonNode auths = root.has("auths") ? root.get("auths") : legacy(root);
    Map<String, Credential> out = new LinkedHashMap<>();
    if (auths == null || !auths.isObject()) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> it = auths.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Credential c = entry(e.getValue());
      if (c != null) {
        out.put(e.getKey(), c);
      }
    }
    return out;
  }

  /**
   * A {@code .dockercfg} map has registry keys at the top; a config.json without auths has none.
   */
  private static JsonNode legacy(JsonNode root) {
    boolean looksLegacy = false;
    Iterator<JsonNode> values = root.elements();
    while (values.hasNext()) {
      JsonNode v = values.next();
      looksLegacy |= v.isObject() && (v.has("auth") || v.has("username"));
    }
    return looksLegacy ? root : null;
  }

  private static Credential entry(JsonNode e) {
    if (!e.isObject()) {
      return null;
    }
    String auth = text(e, "auth");
    if (!auth.isEmpty()) {
      String decoded;
      try {
        decoded =
            new String(
                auth.endsWith("=")
                    ? Base64.getDecoder().decode(auth)
                    : Base64.getDecoder().decode(padded(auth)),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException ex) {
        return null;
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return Credential.basic(decoded.substring(0, colon), Secret.of(decoded.substring(colon + 1)));
    }
    String user = text(e, "username");
    String password = text(e, "password");
    if (!user.isEmpty() && !password.isEmpty()) {
      return Credential.basic(user, Secret.of(password));
    }
    String registryToken = text(e, "registrytoken");
    if (!registryToken.isEmpty()) {
      return Credential.bearer(Secret.of(registryToken));
    }
    return null;
  }

  private static String padded(String base64) {
    int pad = (4 - base64.length() % 4) % 4;
    return base64 + "=".repeat(pad);
  }

  private static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    return v == null || !v.isTextual() ? "" : v.asText().strip();
  }
}
