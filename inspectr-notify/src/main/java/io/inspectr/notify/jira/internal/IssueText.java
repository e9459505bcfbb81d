package io.inspectr.notify.jira.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The text of an issue description or a comment, as paragraphs of plain text and code blocks, with
 * its two renderings: wiki markup (Server/Data Center, API v2) and the Atlassian Document Format
 * (Cloud, API v3).
 *
 * @param parts the paragraphs and code blocks, in order
 */
public record IssueText(List<IssueText.Part> parts) {

  /** A paragraph or a code block. */
  public sealed interface Part permits Paragraph, Code {
    /**
     * The text.
     *
     * @return never {@code null} or empty
     */
    String text();
  }

  /**
   * A paragraph of plain text; markup characters are escaped when rendered.
   *
   * @param text the text
   */
  public record Paragraph(String text) implements Part {
    /** Checks the text. */
    public Paragraph {
      requireNonEmpty(text);
    }
  }

  /**
   * A block of preformatted lines.
   *
   * @param text the lines
   */
  public record Code(String text) implements Part {
    /** Checks the text. */
    public Code {
      requireNonEmpty(text);
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String WIKI_SPECIALS = "\\*_{}[]|!^~+-#?";

  /** Copies the parts. */
  public IssueText {
    parts = List.copyOf(parts);
  }

  private static void requireNonEmpty(String text) {
    // ADF rejects empty text nodes, and an empty paragraph says nothing.
    if (requireNonNull(text, "text").isEmpty()) {
      throw new IllegalArgumentException("Issue text parts must not be empty");
    }
  }

  /**
   * Wiki markup: paragraphs with markup characters escaped, code in {@code {code}} blocks.
   *
   * @return never {@code null}
   */
  public String wiki() {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      if (part instanceof Code) {
        // "{code" inside would end the block early; nothing inspectr writes contains it.
        out.append("{code}\n").append(part.text().replace("{code", "{ code")).append("\n{code}");
      } else {
        out.append(escapeWiki(part.text()));
      }
    }
    return out.toString();
  }

  private static String escapeWiki(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (WIKI_SPECIALS.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * An Atlassian Document Format document: paragraphs and {@code codeBlock}s of text nodes.
   *
   * @return never {@code null}
   */
  public ObjectNode adf() {
    ObjectNode doc = NODES.objectNode().put("type", "doc").put("version", 1);
    ArrayNode content = doc.putArray("content");
    for (Part part : parts) {
      ObjectNode block = content.addObject();
      if (part instanceof Code) {
        block.put("type", "codeBlock").putObject("attrs").put("language", "text");
      } else {
        block.put("type", "paragraph");
      }
      block.putArray("content").addObject().put("type", "text").put("text", part.text());
    }
    return doc;
  }

  /**
   * The text of an ADF document: text nodes, with a line break after each block and hard break.
   *
   * @param node any ADF node
   * @return never {@code null}
   */
  public static String plainOfAdf(JsonNode node) {
    StringBuilder out = new StringBuilder();
    appendAdf(node, out);
    return out.toString();
  }

  private static void appendAdf(JsonNode node, StringBuilder out) {
    String type = node.path("type").asText("");
    if (type.equals("text")) {
      out.append(node.path("text").asText(""));
    } else if (type.equals("hardBreak")) {
      out.append('\n');
    }
    for (JsonNode child : node.path("content")) {
      appendAdf(child, out);
    }
    if (!type.equals("text")
        && !type.equals("hardBreak")
        && !type.equals("doc")
        && !type.isEmpty()) {
      out.append('\n');
    }
  }
}
