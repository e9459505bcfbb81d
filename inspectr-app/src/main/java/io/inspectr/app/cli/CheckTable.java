package io.inspectr.app.cli;

import io.inspectr.core.version.Upgrades;
import java.io.PrintWriter;
import java.util.List;

/** The text form of {@code inspectr check}: a table, then every upgrade per image. */
final class CheckTable {
  private static final String NONE = "-";
  private static final List<String> HEADER =
      List.of("IMAGE", "CURRENT", "NEWEST PATCH", "NEWEST MINOR", "NEWEST MAJOR", "BEHIND");

  private CheckTable() {}

  static void render(List<ImageCheck> checks, PrintWriter out, PrintWriter err) {
    TextTable table = new TextTable(HEADER);
    for (ImageCheck check : checks) {
      if (check.error() != null) {
        err.println("inspectr check: " + check.input() + ": " + check.error());
        continue;
      }
      Upgrades u = check.upgrades();
      table.add(
          List.of(
              check.reference().familiar(),
              orNone(u.running()),
              orNone(u.newestPatch()),
              orNone(u.newestMinor()),
              orNone(u.newestMajor()),
              u.versioned() ? Integer.toString(u.behind()) : "not a version"));
    }
    if (!table.isEmpty()) {
      table.printText(out);
    }
    for (ImageCheck check : checks) {
      if (check.error() == null && check.upgrades().isOutdated()) {
        out.println();
        out.println("Upgrades of " + check.reference().familiar() + " (oldest first):");
        out.println("  " + String.join(", ", check.upgrades().upgrades()));
      } else if (check.error() == null && check.digestChanged() != null) {
        out.println();
        out.println(
            check.reference().familiar()
                + (check.digestChanged()
                    ? ": rebuilt, the tag now points to " + check.currentDigest()
                    : ": unchanged, the tag still points to what runs ("
                        + check.currentDigest()
                        + ")"));
      } else if (check.error() == null && !check.upgrades().versioned()) {
        out.println();
        out.println(
            check.reference().familiar()
                + ": the tag is not a version; only a digest comparison can tell whether it was"
                + " rebuilt.");
      }
    }
    out.flush();
    err.flush();
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }
}
