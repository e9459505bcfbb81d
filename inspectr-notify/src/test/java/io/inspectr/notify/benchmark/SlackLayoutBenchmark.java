package io.inspectr.notify.benchmark;

import io.inspectr.core.result.Report;
import io.inspectr.notify.internal.Json;
import io.inspectr.notify.slack.internal.SlackPost;
import io.inspectr.notify.slack.internal.SlackReportLayout;
import io.inspectr.notify.testing.Reports;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the Slack notifier takes to turn a full report into messages within Slack's limits, and
 * to write them as JSON: the CPU part of a delivery (the rest is about one second a message of
 * pacing). Findings spread over 37 images, 11 namespaces, one workload each ({@link Reports#many}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SlackLayoutBenchmark {
  @Param({"500", "10000"})
  public int findings;

  private Report report;
  private SlackReportLayout layout;

  /** Builds the report once. */
  @Setup
  public void setUp() {
    report = Reports.full(Reports.many(findings), List.of());
    layout = new SlackReportLayout("inspectr", true);
  }

  /**
   * Lays the report out.
   *
   * @return the messages
   */
  @Benchmark
  public List<SlackPost> layout() {
    return layout.layout(report);
  }

  /**
   * Lays the report out and writes every message as JSON, as sent.
   *
   * @return the total JSON length
   */
  @Benchmark
  public long layoutAndWrite() {
    long length = 0;
    for (SlackPost post : layout.layout(report)) {
      length += Json.write(post.message()).length();
    }
    return length;
  }
}
