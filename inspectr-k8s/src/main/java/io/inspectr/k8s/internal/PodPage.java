package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a pod list.
 *
 * @param items the pods; may be empty even when more pages follow
 * @param resourceVersion the list's resource version, to watch from
 * @param continueToken the token for the next page, or {@code null} on the last page
 */
public record PodPage(List<SlimPod> items, String resourceVersion, @Nullable String continueToken) {
  /** Copies the items. */
  public PodPage {
    items = List.copyOf(items);
    requireNonNull(resourceVersion, "resourceVersion");
  }
}
