package io.inspectr.notify.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The one Jackson mapper of the notifiers: leaves out nulls, tolerates unknown fields. */
public final class Json {
  /** Thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}

  /**
   * Writes a value as JSON.
   *
   * @param value records, maps, lists, trees
   * @return the JSON text
   * @throws IllegalStateException when the value cannot be written, which is a bug
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /**
   * Reads JSON text into a tree, forgivingly.
   *
   * @param text any text
   * @return the tree, or a missing node when the text is not JSON
   */
  public static JsonNode readTree(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }
}
