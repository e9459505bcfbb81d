package io.inspectr.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.inspectr.core.result.RunningContainer;
import io.inspectr.k8s.ContainerListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery cache of one cluster: the slim pods seen, with their running containers, and the
 * listeners told about every change. Pods that are finished or outside the namespace filter are not
 * kept. Changes are diffed per container, so that replaying the same pod (a relist, a repeated
 * event) tells listeners nothing.
 *
 * <p>Thread-safe: changes are applied and announced one at a time, under the cache's lock; pods are
 * projected (owners looked up) before it is taken.
 */
public final class PodCache {
  private static final Logger LOG = LoggerFactory.getLogger(PodCache.class);

  private final ContainerProjector projector;
  private final Predicate<String> namespaces;
  private final List<ContainerListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<Key, Entry> pods = new HashMap<>();

  /** A cached pod and what it runs. */
  private record Entry(SlimPod pod, List<RunningContainer> containers) {}

  /** Namespace and name, sharing the pod's strings (a joined string would cost one per pod). */
  private record Key(String namespace, String name) {}

  /**
   * Creates an empty cache.
   *
   * @param projector turns pods into containers
   * @param namespaces which namespaces are kept
   */
  public PodCache(ContainerProjector projector, Predicate<String> namespaces) {
    this.projector = requireNonNull(projector, "projector");
    this.namespaces = requireNonNull(namespaces, "namespaces");
  }

  /**
   * Adds a listener.
   *
   * @param listener never {@code null}
   */
  public void addListener(ContainerListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  /**
   * Applies an added or changed pod. The pod is projected (its owner possibly read from the API
   * server) outside the cache's lock, so that readers are not held up by a slow lookup.
   *
   * @param pod never {@code null}
   */
  public void upsert(SlimPod pod) {
    if (pod.finished() || !namespaces.test(pod.namespace())) {
      delete(pod.namespace(), pod.name());
      return;
    }
    Key key = new Key(pod.namespace(), pod.name());
    while (true) {
      Entry seen = entry(key);
      List<RunningContainer> now =
          seen != null && sameContent(seen.pod, pod) && !projector.provisional(pod)
              ? null // only the resource version or fields inspectr does not keep changed
              : projector.project(pod);
      synchronized (this) {
        Entry old = pods.get(key);
        if (old != seen) {
          // Another thread changed the pod while this one projected it: decide again.
          continue;
        }
        if (now == null) {
          pods.put(key, new Entry(pod, old.containers));
          return;
        }
        pods.put(key, new Entry(pod, now));
        announce(old == null ? List.of() : old.containers, now);
        return;
      }
    }
  }

  /**
   * Applies a deleted pod.
   *
   * @param namespace the pod's namespace
   * @param name the pod's name
   */
  public synchronized void delete(String namespace, String name) {
    Entry old = pods.remove(new Key(namespace, name));
    if (old != null) {
      announce(old.containers, List.of());
    }
  }

  /**
   * Replaces the pods in a scope with a fresh list, as after a relist: pods missing from it are
   * deleted, the others applied as changes, one pod at a time (readers see each pod either before
   * or after its change, never in between).
   *
   * @param fresh every pod in the scope
   * @param scope which namespaces the list covers (one, or all)
   */
  public void replace(Collection<SlimPod> fresh, Predicate<String> scope) {
    Set<Key> seen = new HashSet<>();
    for (SlimPod pod : fresh) {
      seen.add(new Key(pod.namespace(), pod.name()));
      upsert(pod);
    }
    synchronized (this) {
      for (Key key : new ArrayList<>(pods.keySet())) {
        if (scope.test(key.namespace()) && !seen.contains(key)) {
          delete(key.namespace(), key.name());
        }
      }
    }
  }

  /**
   * Every running container, in no particular order.
   *
   * @return a copy, never {@code null}
   */
  public synchronized List<RunningContainer> snapshot() {
    List<RunningContainer> all = new ArrayList<>(pods.size() * 2);
    for (Entry e : pods.values()) {
      all.addAll(e.containers);
    }
    return all;
  }

  /**
   * A cached pod.
   *
   * @param namespace the namespace
   * @param name the pod name
   * @return empty when not cached
   */
  public synchronized Optional<SlimPod> pod(String namespace, String name) {
    Entry e = pods.get(new Key(namespace, name));
    return e == null ? Optional.empty() : Optional.of(e.pod);
  }

  /**
   * How many pods are cached.
   *
   * @return the count
   */
  public synchronized int size() {
    return pods.size();
  }

  private synchronized @Nullable Entry entry(Key key) {
    return pods.get(key);
  }

  /** Tells every listener that the first full list is in. */
  public void announceSynced() {
    for (ContainerListener l : listeners) {
      try {
        l.synced();
      } catch (RuntimeException e) {
        LOG.warn("A container listener failed on sync and was skipped", e);
      }
    }
  }

  private static boolean sameContent(SlimPod a, SlimPod b) {
    return a.uid().equals(b.uid())
        && a.phase().equals(b.phase())
        && a.owners().equals(b.owners())
        && java.util.Objects.equals(a.templateHash(), b.templateHash())
        && a.serviceAccount().equals(b.serviceAccount())
        && a.pullSecrets().equals(b.pullSecrets())
        && a.annotations().equals(b.annotations())
        && a.containers().equals(b.containers());
  }

  private void announce(List<RunningContainer> before, List<RunningContainer> after) {
    Map<String, RunningContainer> old = ContainerProjector.bySlot(before);
    Map<String, RunningContainer> now = ContainerProjector.bySlot(after);
    for (Map.Entry<String, RunningContainer> e : now.entrySet()) {
      RunningContainer previous = old.get(e.getKey());
      if (previous == null) {
        notify(l -> l.added(e.getValue()));
      } else if (!previous.equals(e.getValue())) {
        notify(l -> l.updated(previous, e.getValue()));
      }
    }
    for (Map.Entry<String, RunningContainer> e : old.entrySet()) {
      if (!now.containsKey(e.getKey())) {
        notify(l -> l.removed(e.getValue()));
      }
    }
  }

  private void notify(java.util.function.Consumer<ContainerListener> call) {
    for (ContainerListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("A container listener failed and was skipped", e);
      }
    }
  }
}
