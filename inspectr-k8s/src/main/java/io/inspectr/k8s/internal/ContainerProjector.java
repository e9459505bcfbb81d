package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import io.inspectr.core.image.Digest;
import io.inspectr.core.image.ImageReference;
import io.inspectr.core.result.ContainerPolicy;
import io.inspectr.core.result.RunningContainer;
import io.inspectr.core.result.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link SlimPod} into the {@link RunningContainer}s of its containers and init containers:
 * the workload from the owner, the image parsed, the running digest from the image id, the policy
 * from the annotations. Parsed images and digests are shared between pods.
 *
 * <p>Thread-safe.
 */
public final class ContainerProjector {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerProjector.class);
  private static final int MAX_REMEMBERED_BAD_IMAGES = 1_000;

  private final String cluster;
  private final Function<SlimPod, Workload> workloads;
  private final Predicate<SlimPod> settled;
  private final Interner<ImageReference> images = Interners.newWeakInterner();
  private final Interner<Digest> digests = Interners.newWeakInterner();
  private final Interner<Workload> sharedWorkloads = Interners.newWeakInterner();
  private final Interner<ContainerPolicy> policies = Interners.newWeakInterner();
  private final Set<String> reportedBadImages = ConcurrentHashMap.newKeySet();

  /**
   * Creates a projector.
   *
   * @param cluster the cluster name for every container
   * @param workloads finds a pod's workload (usually {@link OwnerResolver#workloadOf})
   */
  public ContainerProjector(String cluster, Function<SlimPod, Workload> workloads) {
    this(cluster, workloads, pod -> true);
  }

  /**
   * Creates a projector whose workloads may be guesses for a while.
   *
   * @param cluster the cluster name for every container
   * @param workloads finds a pod's workload
   * @param settled whether a pod's workload is known for sure (see {@link OwnerResolver#settled})
   */
  public ContainerProjector(
      String cluster, Function<SlimPod, Workload> workloads, Predicate<SlimPod> settled) {
    this.cluster = requireNonNull(cluster, "cluster");
    this.workloads = requireNonNull(workloads, "workloads");
    this.settled = requireNonNull(settled, "settled");
  }

  /**
   * Whether projecting the pod again could give another workload: its owner could not be read last
   * time.
   *
   * @param pod never {@code null}
   * @return {@code true} when the workload is a guess
   */
  public boolean provisional(SlimPod pod) {
    return !settled.test(pod);
  }

  /**
   * The running containers of a pod; a container whose image cannot be parsed is left out and
   * logged once.
   *
   * @param pod never {@code null}
   * @return in pod order, containers before init containers
   */
  public List<RunningContainer> project(SlimPod pod) {
    if (pod.containers().isEmpty()) {
      return List.of();
    }
    Workload workload = sharedWorkloads.intern(workloads.apply(pod));
    List<RunningContainer> out = new ArrayList<>(pod.containers().size());
    for (SlimPod.Container c : pod.containers()) {
      ImageReference image = parse(c.image(), pod, c.name());
      if (image == null) {
        continue;
      }
      Digest running = Digest.fromImageId(c.imageId()).map(digests::intern).orElse(null);
      ContainerPolicy policy =
          policies.intern(AnnotationPolicies.policyFor(pod.annotations(), c.name()));
      out.add(
          new RunningContainer(
              cluster,
              pod.namespace(),
              workload,
              pod.name(),
              c.name(),
              c.init(),
              image,
              running,
              policy));
    }
    return List.copyOf(out);
  }

  private @org.jspecify.annotations.Nullable ImageReference parse(
      String image, SlimPod pod, String container) {
    try {
      return images.intern(ImageReference.parse(image));
    } catch (IllegalArgumentException e) {
      if (reportedBadImages.size() < MAX_REMEMBERED_BAD_IMAGES && reportedBadImages.add(image)) {
        LOG.warn(
            "Container {} of pod {} in cluster {} runs image \"{}\", which inspectr cannot read and"
                + " skips: {}",
            container,
            pod.key(),
            cluster,
            image,
            e.getMessage());
      }
      return null;
    }
  }

  /**
   * The identity of a container within its pod, for telling apart updates from additions.
   *
   * @param c never {@code null}
   * @return e.g. {@code init:setup} or {@code app}
   */
  static String slot(RunningContainer c) {
    return c.init() ? "init:" + c.container() : c.container();
  }

  /**
   * Indexes containers by {@link #slot}.
   *
   * @param containers never {@code null}
   * @return slot to container, in order
   */
  static Map<String, RunningContainer> bySlot(List<RunningContainer> containers) {
    Map<String, RunningContainer> map = new java.util.LinkedHashMap<>();
    for (RunningContainer c : containers) {
      map.put(slot(c), c);
    }
    return map;
  }
}
