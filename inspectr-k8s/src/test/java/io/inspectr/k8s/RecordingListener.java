package io.inspectr.k8s;

import io.inspectr.core.result.RunningContainer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers every event a source reports, in order. */
final class RecordingListener implements ContainerListener {
  /** One reported event. */
  record Event(String type, RunningContainer container) {
    String id() {
      return container.namespace()
          + "/"
          + container.pod()
          + "/"
          + (container.init() ? "init:" : "")
          + container.container();
    }
  }

  final List<Event> events = new CopyOnWriteArrayList<>();
  final AtomicInteger synced = new AtomicInteger();

  @Override
  public void added(RunningContainer container) {
    events.add(new Event("added", container));
  }

  @Override
  public void updated(RunningContainer before, RunningContainer after) {
    events.add(new Event("updated", after));
  }

  @Override
  public void removed(RunningContainer container) {
    events.add(new Event("removed", container));
  }

  @Override
  public void synced() {
    synced.incrementAndGet();
  }

  List<Event> ofType(String type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }

  List<String> ids(String type) {
    return ofType(type).stream().map(Event::id).toList();
  }
}
