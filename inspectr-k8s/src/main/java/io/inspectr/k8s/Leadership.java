package io.inspectr.k8s;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica leads, over the terms of one {@link LeaderElection}, and the listener calls
 * that go with it. Each run of the client's elector is one {@link Term}.
 *
 * <p>Thread-safe.
 */
final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private static final int NEW = 0;
  private static final int LEADING = 1;
  private static final int DONE = 2;

  private final LeaderElectionSettings settings;
  private final LeadershipListener listener;
  private final AtomicInteger terms = new AtomicInteger();
  // One lock for every term: a late start hook of an old term waits for, and then sees, its stop.
  private final Object lock = new Object();
  private volatile boolean leading;

  /**
   * Creates the state of an election that has not led yet.
   *
   * @param settings names the replica and the lease in logs
   * @param listener told when this replica starts and stops leading
   */
  Leadership(LeaderElectionSettings settings, LeadershipListener listener) {
    this.settings = requireNonNull(settings, "settings");
    this.listener = requireNonNull(listener, "listener");
  }

  /**
   * Whether this replica leads now.
   *
   * @return {@code true} between a term's start and its stop
   */
  boolean isLeader() {
    return leading;
  }

  /**
   * How many terms started leading.
   *
   * @return the count
   */
  int terms() {
    return terms.get();
  }

  /**
   * A new term, for one run of the client's elector.
   *
   * @return a term that has neither started nor stopped
   */
  Term newTerm() {
    return new Term();
  }

  /**
   * One run of the client's elector. The client runs the start hook on its own worker thread and
   * the stop hook on the election thread, so they may overlap or come in either order. Both change
   * the state and call the listener under one lock: the listener hears start then stop, or nothing,
   * never a stop in the middle of a start, and {@link #isLeader()} is {@code false} once the term
   * stopped.
   */
  final class Term {
    private int state = NEW; // guarded by lock

    /** The client's start hook: this replica took the lease. */
    void start() {
      synchronized (lock) {
        if (state != NEW) {
          return;
        }
        state = LEADING;
        leading = true;
        terms.incrementAndGet();
        LOG.info(
            "{} leads lease {}/{}",
            settings.identity(),
            settings.leaseNamespace(),
            settings.leaseName());
        try {
          listener.startedLeading();
        } catch (RuntimeException e) {
          LOG.warn("A leadership listener failed on start", e);
        }
      }
    }

    /** The client's stop hook, and the end of the run: this replica no longer leads. */
    void stop() {
      synchronized (lock) {
        int was = state;
        state = DONE;
        if (was != LEADING) {
          return;
        }
        leading = false;
        LOG.info(
            "{} stopped leading lease {}/{}",
            settings.identity(),
            settings.leaseNamespace(),
            settings.leaseName());
        try {
          listener.stoppedLeading();
        } catch (RuntimeException e) {
          LOG.warn("A leadership listener failed on stop", e);
        }
      }
    }
  }
}
