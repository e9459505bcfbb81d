package io.inspectr.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inspectr.core.result.DigestCheck;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.ScanFailure;
import io.inspectr.core.scan.ScanResult;
import io.inspectr.core.version.Upgrades;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The three forms of {@code inspectr scan}: a table, Markdown, or JSON:
 *
 * <pre>
 * {"results": [{"cluster", "namespace", "workload": {"kind", "name"}, "container", "init",
 *   "image", "pods", "current", "upgrades", "newest": {"patch", "minor", "major"}, "behind",
 *   "digest": {"status", "current"}, "warnings"}],
 *  "failures": [{"subject", "reason"}]}
 * </pre>
 */
final class ScanOutput {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String NONE = "-";
  private static final List<String> HEADER =
      List.of(
          "CLUSTER",
          "NAMESPACE",
          "WORKLOAD",
          "CONTAINER",
          "IMAGE",
          "NEWEST PATCH",
          "NEWEST MINOR",
          "NEWEST MAJOR",
          "BEHIND");

  private ScanOutput() {}

  static void render(
      ScanResult result, ScanCommand.Output output, boolean all, PrintWriter out, PrintWriter err) {
    List<InspectrResult> shown = all ? result.results() : result.findings();
    switch (output) {
      case json -> out.println(json(shown, result.failures()));
      case markdown -> {
        table(shown).printMarkdown(out);
        if (!result.failures().isEmpty()) {
          out.println();
          out.println("Could not be checked:");
          out.println();
          result.failures().forEach(f -> out.println("- " + f.subject() + ": " + f.reason()));
        }
      }
      default -> {
        if (shown.isEmpty()) {
          out.println(emptyMessage(all, !result.failures().isEmpty()));
        } else {
          table(shown).printText(out);
        }
        result
            .failures()
            .forEach(f -> err.println("inspectr scan: " + f.subject() + ": " + f.reason()));
      }
    }
    out.flush();
    err.flush();
  }

  private static String emptyMessage(boolean all, boolean failures) {
    if (all) {
      return failures ? "No container could be checked." : "No running containers found.";
    }
    return failures
        ? "Nothing outdated among the images that could be checked."
        : "Nothing outdated: every image is current.";
  }

  private static TextTable table(List<InspectrResult> results) {
    TextTable table = new TextTable(HEADER);
    for (InspectrResult r : results) {
      Upgrades u = r.upgrades();
      table.add(
          List.of(
              r.key().cluster(),
              r.key().namespace(),
              r.key().workload().toString(),
              r.key().container() + (r.init() ? " (init)" : ""),
              r.image().familiar(),
              orNone(u.newestPatch()),
              orNone(u.newestMinor()),
              orNone(u.newestMajor()),
              behind(r)));
    }
    return table;
  }

  private static String behind(InspectrResult r) {
    if (r.digestCheck().isRebuilt()) {
      return "rebuilt";
    }
    return r.upgrades().versioned() ? Integer.toString(r.upgrades().behind()) : "not a version";
  }

  private static String json(List<InspectrResult> results, List<ScanFailure> failures) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("results");
    for (InspectrResult r : results) {
      ObjectNode node = list.addObject();
      node.put("cluster", r.key().cluster());
      node.put("namespace", r.key().namespace());
      ObjectNode workload = node.putObject("workload");
      workload.put("kind", r.key().workload().kind());
      workload.put("name", r.key().workload().name());
      node.put("container", r.key().container());
      node.put("init", r.init());
      node.put("image", r.image().toString());
      node.put("pods", r.pods());
      CheckJson.putUpgrades(node, r.upgrades());
      ObjectNode digest = node.putObject("digest");
      DigestCheck check = r.digestCheck();
      digest.put("status", check.status().name().toLowerCase(java.util.Locale.ROOT));
      digest.put("current", check.current() == null ? null : check.current().toString());
      ArrayNode warnings = node.putArray("warnings");
      r.warnings().forEach(warnings::add);
    }
    ArrayNode failed = root.putArray("failures");
    for (ScanFailure f : failures) {
      ObjectNode node = failed.addObject();
      node.put("subject", f.subject());
      node.put("reason", f.reason());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }
}
