package io.inspectr.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.inspectr.core.config.ConfigProblem;
import io.inspectr.core.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a YAML configuration file into full dotted keys: nested maps join with {@code .}, lists
 * become comma-separated values.
 *
 * <pre>
 * inspectr:
 *   schedule: "tuesday|1430"
 *   notify:
 *     slack:
 *       webhook-url: https://hooks.slack.com/services/...
 * </pre>
 */
public final class YamlConfigFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlConfigFile() {}

  /**
   * Reads a file.
   *
   * @param file the YAML file
   * @return full dotted keys to values
   * @throws InvalidConfigurationException when the file is missing, unreadable or not YAML
   */
  public static Map<String, String> read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw invalid(file, "it must name an existing YAML file");
    } catch (IOException e) {
      // Jackson's message names line and column; it quotes no values from the file's contents
      // beyond the offending token, which is why it is safe to show.
      throw invalid(file, "it must be valid YAML (" + firstLine(e.getMessage()) + ")");
    }
    Map<String, String> out = new TreeMap<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        throw invalid(file, "its top level must be a map such as 'inspectr: ...'");
      }
      flatten("", root, out);
    }
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(),
            out);
      }
    } else if (node.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode element : node) {
        if (joined.length() > 0) {
          joined.append(',');
        }
        joined.append(element.asText());
      }
      out.put(prefix, joined.toString());
    } else if (!node.isNull()) {
      out.put(prefix, node.asText());
    }
  }

  private static InvalidConfigurationException invalid(Path file, String problem) {
    return new InvalidConfigurationException(
        List.of(new ConfigProblem("config file", file.toString(), problem)));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
