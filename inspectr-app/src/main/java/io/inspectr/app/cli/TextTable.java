package io.inspectr.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell, and its Markdown twin. */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  void add(List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException(
          "A row of " + row.size() + " cells in a table of " + header.size() + " columns");
    }
    rows.add(List.copyOf(row));
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Columns separated by two spaces, the header first. */
  void printText(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (List<String> row : withHeader()) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : withHeader()) {
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

  /** A GitHub-flavoured Markdown table; pipes inside cells are escaped. */
  void printMarkdown(PrintWriter out) {
    out.println(markdownRow(header));
    out.println("|" + "---|".repeat(header.size()));
    for (List<String> row : rows) {
      out.println(markdownRow(row));
    }
  }

  private static String markdownRow(List<String> cells) {
    StringBuilder line = new StringBuilder("|");
    for (String cell : cells) {
      line.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    return line.toString();
  }

  private List<List<String>> withHeader() {
    List<List<String>> all = new ArrayList<>(rows.size() + 1);
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
