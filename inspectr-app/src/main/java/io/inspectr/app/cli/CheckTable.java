package io.inspectr.app.cli;

import io.inspectr.core.version.Upgrades;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The text form of {@code inspectr check}: a table, then every upgrade per image. */
final class CheckTable {
  private static final String NONE = "-";
  private static final List<String> HEADER =
      List.of("IMAGE", "CURRENT", "NEWEST PATCH", "NEWEST MINOR", "NEWEST MAJOR", "BEHIND");

  private CheckTable() {}

  static void render(List<ImageCheck> checks, PrintWriter out, PrintWriter err) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (ImageCheck check : checks) {
      if (check.error() != null) {
        err.println("inspectr check: " + check.input() + ": " + check.error());
        continue;
      }
      Upgrades u = check.upgrades();
      rows.add(
          List.of(
              check.reference().familiar(),
              orNone(u.running()),
              orNone(u.newestPatch()),
              orNone(u.newestMinor()),
              orNone(u.newestMajor()),
              u.versioned() ? Integer.toString(u.behind()) : "not a version"));
    }
    if (rows.size() > 1) {
      printTable(rows, out);
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

  private static void printTable(List<List<String>> rows, PrintWriter out) {
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(line);
    }
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }
}
