package io.inspectr.k8s.fake;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A field selector such as {@code status.phase!=Succeeded,metadata.namespace=a}, as the API server
 * reads it.
 */
final class Selector {
  private record Term(String field, String value, boolean equal) {}

  private final List<Term> terms = new ArrayList<>();

  Selector(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (String part : text.split(",")) {
      int ne = part.indexOf("!=");
      if (ne > 0) {
        terms.add(new Term(part.substring(0, ne).strip(), part.substring(ne + 2).strip(), false));
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Unsupported field selector term: " + part);
      }
      String value = part.substring(eq + 1);
      terms.add(
          new Term(
              part.substring(0, eq).strip(),
              value.startsWith("=") ? value.substring(1) : value,
              true));
    }
  }

  boolean matches(@Nullable JsonObject object) {
    if (object == null) {
      return false;
    }
    for (Term term : terms) {
      boolean equal = term.value.equals(field(object, term.field));
      if (equal != term.equal) {
        return false;
      }
    }
    return true;
  }

  private static String field(JsonObject object, String path) {
    JsonElement at = object;
    for (String part : path.split("\\.")) {
      if (at == null || !at.isJsonObject()) {
        return "";
      }
      at = at.getAsJsonObject().get(part);
    }
    return at == null || at.isJsonNull() ? "" : at.getAsString();
  }
}
