package io.inspectr.notify.slack.internal;

import static io.inspectr.notify.slack.internal.Mrkdwn.code;
import static io.inspectr.notify.slack.internal.Mrkdwn.cut;
import static io.inspectr.notify.slack.internal.Mrkdwn.escape;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.result.ScanFailure;
import io.inspectr.notify.internal.Findings;
import io.inspectr.notify.slack.internal.MessagePacker.Page;
import io.inspectr.notify.slack.internal.MessagePacker.Piece;
import io.inspectr.notify.slack.json.Block;
import io.inspectr.notify.slack.json.SlackMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Lays a report out as Block Kit messages: a header with the clusters and totals, then one unit per
 * image (its title and a line per affected container), then what could not be checked. Splits into
 * as many messages as Slack's limits need: at most {@value #MAX_BLOCKS} blocks, {@value
 * #MAX_SECTION_CHARS} characters a section and {@value #MAX_MESSAGE_CHARS} characters a message,
 * fallback text included. Every finding appears in exactly one message. Stateless and thread-safe.
 */
public final class SlackReportLayout {
  /** Slack's limit of blocks in a message. */
  public static final int MAX_BLOCKS = 50;

  /** Slack's limit of the text of a section. */
  public static final int MAX_SECTION_CHARS = 3_000;

  /** Slack's limit of a header's text. */
  public static final int MAX_HEADER_CHARS = 150;

  /**
   * inspectr's limit of all text in one message: Slack rejects messages of about 13,000 characters
   * of blocks ({@code msg_blocks_too_long}) and documents 12,000 for a markdown block.
   */
  public static final int MAX_MESSAGE_CHARS = 12_000;

  /** Room kept for the context line under the header. */
  public static final int MAX_CONTEXT_CHARS = 300;

  /** Room kept for the fallback text. */
  public static final int MAX_FALLBACK_CHARS = 1_000;

  private static final int CONTENT_BLOCKS = MAX_BLOCKS - 2;
  private static final int CONTENT_CHARS =
      MAX_MESSAGE_CHARS - MAX_HEADER_CHARS - MAX_CONTEXT_CHARS - MAX_FALLBACK_CHARS;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final @Nullable String username;
  private final boolean reportUpToDate;

  /**
   * Creates a layout.
   *
   * @param username the sender name put into every message, or {@code null}
   * @param reportUpToDate whether a full report without findings still makes a message
   */
  public SlackReportLayout(@Nullable String username, boolean reportUpToDate) {
    this.username = username;
    this.reportUpToDate = reportUpToDate;
  }

  /**
   * The messages of a report.
   *
   * @param report a full report or new findings
   * @return the messages in order; empty when there is nothing to tell
   */
  public List<SlackPost> layout(Report report) {
    List<InspectrResult> findings = Findings.findings(report);
    List<ImageGroup> groups = ImageGroup.of(findings);
    MessagePacker packer = new MessagePacker(CONTENT_BLOCKS, CONTENT_CHARS);
    for (ImageGroup group : groups) {
      List<String> lines = group.lines();
      List<Piece> body = sections(lines, i -> Set.of(group.results().get(i).key()));
      packer.add(Piece.of(group.title(false)), Piece.of(group.title(true)), body, group.change());
    }
    if (!report.failures().isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (ScanFailure f : report.failures()) {
        lines.add(
            Mrkdwn.cut(
                "• " + code(f.subject()) + ": " + escape(f.reason()), ImageGroup.MAX_LINE_CHARS));
      }
      packer.add(
          Piece.of(Block.section("*Could not check*")),
          Piece.of(Block.section("*Could not check* _(continued)_")),
          sections(lines, i -> Set.of()),
          "");
    }
    List<Page> pages = packer.pages();
    Set<ResultKey> quiet = new LinkedHashSet<>();
    report.results().stream().filter(r -> !r.isFinding()).forEach(r -> quiet.add(r.key()));
    if (pages.isEmpty()) {
      if (report.kind() != Report.Kind.FULL || !reportUpToDate) {
        return List.of();
      }
      Page page = new Page();
      page.blocks.add(
          Block.section(
              quiet.isEmpty()
                  ? "inspectr found no containers to check."
                  : "All *"
                      + quiet.size()
                      + "* containers run the newest versions inspectr found."));
      pages = List.of(page);
    }
    pages.get(0).keys.addAll(quiet);
    Totals totals = new Totals(report, findings.size(), groups.size(), quiet.size());
    List<SlackPost> posts = new ArrayList<>(pages.size());
    for (int i = 0; i < pages.size(); i++) {
      posts.add(render(pages.get(i), i + 1, pages.size(), totals));
    }
    return posts;
  }

  private static List<Piece> sections(List<String> lines, Function<Integer, Set<ResultKey>> keys) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Set<ResultKey> carried = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (text.length() > 0 && text.length() + 1 + line.length() > MAX_SECTION_CHARS) {
        pieces.add(new Piece(Block.section(text.toString()), carried));
        text.setLength(0);
        carried = new LinkedHashSet<>();
      }
      text.append(text.length() == 0 ? "" : "\n").append(line);
      carried.addAll(keys.apply(i));
    }
    if (text.length() > 0) {
      pieces.add(new Piece(Block.section(text.toString()), carried));
    }
    return pieces;
  }

  private SlackPost render(Page page, int number, int count, Totals totals) {
    String part = count > 1 ? " (" + number + " of " + count + ")" : "";
    List<Block> blocks = new ArrayList<>(page.blocks.size() + 2);
    blocks.add(Block.header(cut(totals.headline() + part, MAX_HEADER_CHARS)));
    blocks.add(Block.context(cut(totals.context(TIME), MAX_CONTEXT_CHARS)));
    blocks.addAll(page.blocks);
    String fallback = fallback(totals.headline() + part, page.changes);
    return new SlackPost(new SlackMessage(fallback, blocks, username), page.keys);
  }

  /** {@code headline: a → b, c → d and 3 more}, within {@link #MAX_FALLBACK_CHARS}. */
  private static String fallback(String headline, List<String> changes) {
    List<String> shown = changes.stream().filter(c -> !c.isEmpty()).toList();
    StringBuilder out = new StringBuilder(escape(headline));
    for (int i = 0; i < shown.size(); i++) {
      String next = (i == 0 ? ": " : ", ") + escape(shown.get(i));
      String rest = " and " + (shown.size() - i) + " more";
      if (out.length() + next.length() + (i + 1 < shown.size() ? rest.length() : 0)
          > MAX_FALLBACK_CHARS) {
        out.append(i == 0 ? ":" : "").append(rest);
        break;
      }
      out.append(next);
    }
    return cut(out.toString(), MAX_FALLBACK_CHARS);
  }

  /** The totals shown in every message of a report. */
  private record Totals(Report report, int findings, int images, int upToDate) {

    String headline() {
      String what = report.kind() == Report.Kind.FULL ? "Image report" : "New image updates";
      List<String> clusters = report.clusters();
      String where =
          clusters.isEmpty()
              ? ""
              : clusters.size() <= 3
                  ? " · " + String.join(", ", clusters)
                  : " · " + clusters.get(0) + " and " + (clusters.size() - 1) + " more clusters";
      return what + where;
    }

    String context(DateTimeFormatter time) {
      StringBuilder out = new StringBuilder();
      out.append('*')
          .append(findings)
          .append(findings == 1 ? "* outdated container" : "* outdated containers");
      out.append(" in *").append(images).append(images == 1 ? "* image" : "* images");
      if (upToDate > 0) {
        out.append(" · *").append(upToDate).append("* up to date");
      }
      if (!report.failures().isEmpty()) {
        out.append(" · *").append(report.failures().size()).append("* could not be checked");
      }
      return out.append(" · ").append(time.format(report.createdAt())).toString();
    }
  }
}
