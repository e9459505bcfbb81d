package io.inspectr.notify.internal;

import io.inspectr.core.image.Digest;
import io.inspectr.core.image.ImageReference;
import io.inspectr.core.image.Repository;
import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.result.Report;
import java.util.Comparator;
import java.util.List;

/** How notifiers name and order findings, the same way in every channel. */
public final class Findings {
  /** By repository, running tag, then cluster, namespace, workload and container. */
  public static final Comparator<InspectrResult> ORDER =
      Comparator.comparing((InspectrResult r) -> r.key().repository().toString())
          .thenComparing(Findings::runningTag)
          .thenComparing(r -> r.key().cluster())
          .thenComparing(r -> r.key().namespace())
          .thenComparing(r -> r.key().workload().toString())
          .thenComparing(r -> r.key().container());

  private static final String PLACEHOLDER_TAG = "latest";

  private Findings() {}

  /**
   * The results of a report that have something to tell, in {@link #ORDER}.
   *
   * @param report the report
   * @return never {@code null}
   */
  public static List<InspectrResult> findings(Report report) {
    return report.results().stream().filter(InspectrResult::isFinding).sorted(ORDER).toList();
  }

  /**
   * The short name people write: {@code nginx}, {@code bitnami/redis}, {@code ghcr.io/org/app}.
   *
   * @param repository the repository
   * @return never {@code null}
   */
  public static String imageName(Repository repository) {
    String familiar = ImageReference.of(repository, PLACEHOLDER_TAG, null).familiar();
    return familiar.substring(0, familiar.length() - PLACEHOLDER_TAG.length() - 1);
  }

  /**
   * The running tag, or the short digest for an image run by digest alone.
   *
   * @param result the result
   * @return never {@code null}
   */
  public static String runningTag(InspectrResult result) {
    return result
        .image()
        .tag()
        .orElseGet(() -> result.image().digest().map(d -> "@" + shortDigest(d)).orElse("?"));
  }

  /**
   * A digest cut to twelve hex digits, as {@code docker images} shows it.
   *
   * @param digest the digest
   * @return e.g. {@code sha256:0123456789ab}
   */
  public static String shortDigest(Digest digest) {
    return digest.algorithm() + ":" + digest.hex().substring(0, 12);
  }
}
