package io.inspectr.notify.slack.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.ResultKey;
import io.inspectr.notify.slack.json.Block;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Packs blocks into messages within a block count and a character budget. A unit (an image with its
 * lines) stays in one message when it fits in one; otherwise it runs on into the next message,
 * which repeats its title marked as continued. Nothing is dropped. Not thread-safe.
 */
final class MessagePacker {
  /**
   * A block and the results it tells about.
   *
   * @param block the block
   * @param keys the results; empty for titles and dividers
   */
  record Piece(Block block, Set<ResultKey> keys) {
    Piece {
      requireNonNull(block, "block");
      keys = Set.copyOf(keys);
    }

    static Piece of(Block block) {
      return new Piece(block, Set.of());
    }
  }

  /** The pieces of one message and the results they carry. */
  static final class Page {
    final List<Block> blocks = new ArrayList<>();
    final Set<ResultKey> keys = new LinkedHashSet<>();
    final List<String> changes = new ArrayList<>();
    int chars;

    boolean isEmpty() {
      return blocks.isEmpty();
    }
  }

  private final int maxBlocks;
  private final int maxChars;
  private final List<Page> pages = new ArrayList<>();
  private Page current = new Page();

  /**
   * Creates a packer.
   *
   * @param maxBlocks the most blocks of content a message holds
   * @param maxChars the most characters of content a message holds
   */
  MessagePacker(int maxBlocks, int maxChars) {
    this.maxBlocks = maxBlocks;
    this.maxChars = maxChars;
  }

  /**
   * Adds a unit, followed by a divider where room is left.
   *
   * @param title its title
   * @param continued its title repeated in the next message when the unit runs on
   * @param body its blocks, each within the character budget together with the title
   * @param change the plain-text summary of the unit, for the fallback text
   */
  void add(Piece title, Piece continued, List<Piece> body, String change) {
    int blocks = 1 + body.size();
    int chars =
        title.block().characters() + body.stream().mapToInt(p -> p.block().characters()).sum();
    if (!current.isEmpty()
        && !fits(current, blocks, chars)
        && blocks <= maxBlocks
        && chars <= maxChars) {
      nextPage();
    }
    if (!fits(current, 1 + (body.isEmpty() ? 0 : 1), title.block().characters() + first(body))) {
      nextPage();
    }
    put(title, change);
    for (Piece piece : body) {
      if (!fits(current, 1, piece.block().characters())) {
        nextPage();
        put(continued, change);
      }
      put(piece, change);
    }
    if (fits(current, 1, 0)) {
      put(Piece.of(Block.divider()), change);
    }
  }

  private static int first(List<Piece> body) {
    return body.isEmpty() ? 0 : body.get(0).block().characters();
  }

  private boolean fits(Page page, int blocks, int chars) {
    return page.blocks.size() + blocks <= maxBlocks && page.chars + chars <= maxChars;
  }

  private void put(Piece piece, String change) {
    current.blocks.add(piece.block());
    current.keys.addAll(piece.keys());
    current.chars += piece.block().characters();
    if (current.changes.isEmpty()
        || !current.changes.get(current.changes.size() - 1).equals(change)) {
      current.changes.add(change);
    }
  }

  private void nextPage() {
    if (!current.isEmpty()) {
      pages.add(current);
      current = new Page();
    }
  }

  /**
   * The messages so far, without trailing dividers.
   *
   * @return never {@code null}
   */
  List<Page> pages() {
    List<Page> all = new ArrayList<>(pages);
    if (!current.isEmpty()) {
      all.add(current);
    }
    for (Page page : all) {
      while (!page.blocks.isEmpty()
          && page.blocks.get(page.blocks.size() - 1).type().equals("divider")) {
        page.blocks.remove(page.blocks.size() - 1);
      }
    }
    return all;
  }
}
