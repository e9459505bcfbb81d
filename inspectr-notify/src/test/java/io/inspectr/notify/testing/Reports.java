package io.inspectr.notify.testing;

import io.inspectr.core.image.ImageReference;
import io.inspectr.core.result.DigestCheck;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import io.inspectr.core.result.ResultKey;
import io.inspectr.core.result.ScanFailure;
import io.inspectr.core.result.Workload;
import io.inspectr.core.spi.DeliveryOutcome;
import io.inspectr.core.spi.DeliveryReport;
import io.inspectr.core.version.Upgrades;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds results and reports for tests. */
public final class Reports {
  /** When every test report is made. */
  public static final Instant CREATED = Instant.parse("2026-11-26T10:00:00Z");

  private Reports() {}

  /**
   * An outdated container.
   *
   * @param cluster the cluster
   * @param namespace the namespace
   * @param deployment the Deployment's name
   * @param container the container
   * @param image the running image, e.g. {@code nginx:1.25.3}
   * @param upgrades newer tags, oldest first; the last is the newest major (even when it has the
   *     same major part: these fixtures need not be exact there), patch and minor are the newest
   *     with the running major.minor and major prefixes
   * @return the result
   */
  public static InspectrResult outdated(
      String cluster,
      String namespace,
      String deployment,
      String container,
      String image,
      String... upgrades) {
    ImageReference ref = ImageReference.parse(image);
    String running = ref.tag().orElseThrow();
    List<String> list = List.of(upgrades);
    return new InspectrResult(
        key(cluster, namespace, deployment, container, ref),
        ref,
        null,
        2,
        false,
        new Upgrades(
            running,
            true,
            list,
            newestWithPrefix(list, prefix(running, 2), null),
            newestWithPrefix(list, prefix(running, 1), prefix(running, 2)),
            list.isEmpty() ? null : list.get(list.size() - 1)),
        DigestCheck.notChecked(),
        List.of());
  }

  /**
   * An up-to-date container.
   *
   * @param cluster the cluster
   * @param namespace the namespace
   * @param deployment the Deployment's name
   * @param container the container
   * @param image the running image
   * @return the result
   */
  public static InspectrResult upToDate(
      String cluster, String namespace, String deployment, String container, String image) {
    ImageReference ref = ImageReference.parse(image);
    return new InspectrResult(
        key(cluster, namespace, deployment, container, ref),
        ref,
        null,
        1,
        false,
        new Upgrades(ref.tag().orElseThrow(), true, List.of(), null, null, null),
        DigestCheck.notChecked(),
        List.of());
  }

  private static ResultKey key(
      String cluster, String namespace, String deployment, String container, ImageReference ref) {
    return new ResultKey(
        cluster, namespace, new Workload("Deployment", deployment), container, ref.repository());
  }

  private static String prefix(String tag, int parts) {
    String[] split = tag.split("\\.");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(parts, split.length); i++) {
      out.append(split[i]).append('.');
    }
    return out.toString();
  }

  private static @Nullable String newestWithPrefix(
      List<String> tags, String prefix, @Nullable String unlike) {
    @Nullable String newest = null;
    for (String t : tags) {
      if (t.startsWith(prefix) && (unlike == null || !t.startsWith(unlike))) {
        newest = t;
      }
    }
    return newest;
  }

  /**
   * A report of new findings.
   *
   * @param results the results
   * @return the report
   */
  public static Report newFindings(InspectrResult... results) {
    return new Report(Report.Kind.NEW_FINDINGS, CREATED, List.of(results), List.of());
  }

  /**
   * A full report.
   *
   * @param results the results
   * @param failures what could not be checked
   * @return the report
   */
  public static Report full(List<InspectrResult> results, List<ScanFailure> failures) {
    return new Report(Report.Kind.FULL, CREATED, results, failures);
  }

  /**
   * A test report.
   *
   * @return the report
   */
  public static Report test() {
    return new Report(Report.Kind.TEST, CREATED, List.of(), List.of());
  }

  /**
   * Many outdated containers across images, namespaces and workloads, each with its own key.
   *
   * @param count how many
   * @return the results
   */
  public static List<InspectrResult> many(int count) {
    List<InspectrResult> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int image = i % 37;
      out.add(
          outdated(
              "prod-eu",
              "team-" + (i % 11),
              "service-" + i,
              "app",
              "ghcr.io/acme/image-" + image + ":1.2." + image,
              "1.2." + (image + 1),
              "1.3.0",
              "2.0.0"));
    }
    return out;
  }

  /**
   * How many outcomes of a delivery have each status.
   *
   * @param report the delivery's answer
   * @return status to count; statuses without outcomes are absent
   */
  public static Map<DeliveryOutcome.Status, Long> countByStatus(DeliveryReport report) {
    Map<DeliveryOutcome.Status, Long> counts = new EnumMap<>(DeliveryOutcome.Status.class);
    report.outcomes().values().forEach(o -> counts.merge(o.status(), 1L, Long::sum));
    return counts;
  }
}
