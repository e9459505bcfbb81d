package io.inspectr.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inspectr.core.image.ImageReference;
import io.inspectr.core.version.Upgrades;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of {@code inspectr check}: an array with one object per image argument, in order.
 *
 * <pre>
 * {"input", "reference": {"domain", "path", "tag", "digest", "normalized"}, "current",
 *  "upgrades": [oldest first], "newest": {"patch", "minor", "major"}, "behind"}
 * </pre>
 *
 * <p>Absent values are {@code null}; {@code behind} is {@code null} when the running tag is not a
 * version. An image that could not be checked is {@code {"input", "error"}}, with {@code
 * "reference"} too when the reference itself was valid. With {@code --running-digest}, every object
 * also has {@code "digest_changed"}.
 */
final class CheckJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckJson() {}

  static String render(List<ImageCheck> checks) {
    return render(checks, false);
  }

  /**
   * The array; with {@code digestCompared}, each object also has {@code "digest_changed"}: {@code
   * true} or {@code false} for a mutable tag compared with the running digest, {@code null} when
   * not compared.
   */
  static String render(List<ImageCheck> checks, boolean digestCompared) {
    ArrayNode array = JSON.createArrayNode();
    for (ImageCheck check : checks) {
      ObjectNode node = object(check);
      if (digestCompared) {
        if (check.digestChanged() == null) {
          node.putNull("digest_changed");
        } else {
          node.put("digest_changed", check.digestChanged());
        }
      }
      array.add(node);
    }
    try {
      return JSON.writeValueAsString(array);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(ImageCheck check) {
    ObjectNode node = JSON.createObjectNode();
    node.put("input", check.input());
    if (check.reference() != null) {
      node.set("reference", reference(check.reference()));
    }
    if (check.error() != null) {
      node.put("error", check.error());
      return node;
    }
    putUpgrades(node, check.upgrades());
    return node;
  }

  /**
   * The upgrade fields {@code check} and {@code scan} share: {@code "current", "upgrades",
   * "newest": {"patch", "minor", "major"}, "behind"} ({@code null} when not a version).
   */
  static void putUpgrades(ObjectNode node, Upgrades upgrades) {
    node.put("current", upgrades.running());
    ArrayNode list = node.putArray("upgrades");
    upgrades.upgrades().forEach(list::add);
    ObjectNode newest = node.putObject("newest");
    newest.put("patch", upgrades.newestPatch());
    newest.put("minor", upgrades.newestMinor());
    newest.put("major", upgrades.newestMajor());
    if (upgrades.versioned()) {
      node.put("behind", upgrades.behind());
    } else {
      node.putNull("behind");
    }
  }

  private static ObjectNode reference(ImageReference reference) {
    ObjectNode node = JSON.createObjectNode();
    node.put("domain", reference.domain());
    node.put("path", reference.path());
    node.put("tag", reference.tag().orElse(null));
    node.put("digest", reference.digest().map(Object::toString).orElse(null));
    node.put("normalized", reference.normalized());
    return node;
  }
}
