package io.inspectr.notify.webhook.json;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.InspectrResult;
import io.inspectr.core.version.Upgrades;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One finding in the webhook body.
 *
 * @param key the stable result key ({@code cluster|namespace|kind|name|container|repository})
 * @param cluster the cluster
 * @param namespace the namespace
 * @param workloadKind the top owner's kind, e.g. {@code Deployment}
 * @param workloadName the top owner's name
 * @param container the container
 * @param init whether it is an init container
 * @param image the running image reference, normalized
 * @param repository the image repository
 * @param tag the running tag, absent for an image run by digest alone
 * @param runningDigest the digest that runs, when known
 * @param pods how many pods run it
 * @param upgrades every newer compatible tag, oldest first
 * @param newest the newest upgrade
 * @param newestPatch the newest upgrade of the same minor version
 * @param newestMinor the newest upgrade of the same major version
 * @param newestMajor the newest upgrade of another major version
 * @param behind how many versions behind
 * @param rebuilt whether the running tag now points to other content
 * @param currentDigest the digest the tag points to now, when compared
 * @param warnings problems on the workload that did not stop the scan
 * @since 0.1
 */
public record WebhookFinding(
    String key,
    String cluster,
    String namespace,
    String workloadKind,
    String workloadName,
    String container,
    boolean init,
    String image,
    String repository,
    @Nullable String tag,
    @Nullable String runningDigest,
    int pods,
    List<String> upgrades,
    @Nullable String newest,
    @Nullable String newestPatch,
    @Nullable String newestMinor,
    @Nullable String newestMajor,
    int behind,
    boolean rebuilt,
    @Nullable String currentDigest,
    List<String> warnings) {

  /** Checks and copies the parts. */
  public WebhookFinding {
    requireNonNull(key, "key");
    upgrades = List.copyOf(upgrades);
    warnings = List.copyOf(warnings);
  }

  /**
   * The finding of a result.
   *
   * @param r the result
   * @return never {@code null}
   */
  public static WebhookFinding of(InspectrResult r) {
    Upgrades u = r.upgrades();
    return new WebhookFinding(
        r.key().asString(),
        r.key().cluster(),
        r.key().namespace(),
        r.key().workload().kind(),
        r.key().workload().name(),
        r.key().container(),
        r.init(),
        r.image().toString(),
        r.key().repository().toString(),
        r.image().tag().orElse(null),
        r.runningDigest() == null ? null : r.runningDigest().toString(),
        r.pods(),
        u.upgrades(),
        u.newest().orElse(null),
        u.newestPatch(),
        u.newestMinor(),
        u.newestMajor(),
        u.behind(),
        r.digestCheck().isRebuilt(),
        r.digestCheck().current() == null ? null : r.digestCheck().current().toString(),
        r.warnings());
  }
}
