package io.inspectr.k8s;

import static java.util.Objects.requireNonNull;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election among inspectr replicas on a {@code coordination.k8s.io/v1} Lease, with the
 * official client's {@code LeaderElector}. The client's elector gives up after losing the lease
 * once, and calls its stop hook even when it never led; this wrapper rejoins the election after a
 * loss and tells its {@link LeadershipListener} to stop only after a start.
 *
 * <p>Needs {@code get, create, update} on leases in the lease's namespace. Thread-safe.
 *
 * @since 0.1
 */
public final class LeaderElection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final ApiClient client;
  private final LeaderElectionSettings settings;
  private final LeadershipListener listener;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Leadership leadership;
  private volatile boolean closed;
  private volatile @Nullable Round round;

  private LeaderElection(
      ApiClient client, LeaderElectionSettings settings, LeadershipListener listener) {
    this.client = requireNonNull(client, "client");
    this.settings = requireNonNull(settings, "settings");
    this.listener = requireNonNull(listener, "listener");
    this.leadership = new Leadership(settings, listener);
    this.thread = new Thread(this::loop, "inspectr-leader-election-" + settings.identity());
    this.thread.setDaemon(true);
  }

  /**
   * Joins the election in the background.
   *
   * @param client a client for the cluster holding the Lease
   * @param settings the Lease, identity and timings
   * @param listener told when this replica starts and stops leading
   * @return the running election; close it to leave (releasing the lease when leading)
   */
  public static LeaderElection start(
      ApiClient client, LeaderElectionSettings settings, LeadershipListener listener) {
    LeaderElection election = new LeaderElection(client, settings, listener);
    election.thread.start();
    return election;
  }

  /**
   * Whether this replica leads now.
   *
   * @return {@code true} between {@link LeadershipListener#startedLeading()} and {@link
   *     LeadershipListener#stoppedLeading()}
   */
  public boolean isLeader() {
    return leadership.isLeader();
  }

  /**
   * How many times this replica became the leader.
   *
   * @return the count since {@link #start}
   */
  public int terms() {
    return leadership.terms();
  }

  /**
   * Leaves the election: stops leading (telling the listener), releases the lease so that another
   * replica takes over at once, and waits briefly for the election thread. No thread of the
   * election is left running afterwards (the client's worker threads end shortly after).
   */
  @Override
  public void close() {
    closed = true;
    closing.countDown();
    // Ends the client's run (acquire and renew loops sleep or wait on this thread): its stop hook
    // runs, then the loop closes the elector, which releases the lease when it was held.
    thread.interrupt();
    try {
      // The client's close waits up to a retry period per executor; the stop hook comes first.
      thread.join(settings.leaseDuration().plus(settings.renewDeadline()).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Should the loop still be busy, its elector's worker threads must not outlive the election.
    Round last = round;
    if (last != null) {
      last.close();
    }
  }

  private void loop() {
    while (!closed) {
      Leadership.Term term = leadership.newTerm();
      Round current = new Round(newElector());
      round = current;
      try {
        if (closed) {
          break;
        }
        current.elector.run(term::start, term::stop, this::observed);
      } catch (RuntimeException e) {
        LOG.warn(
            "Leader election for {} stopped unexpectedly: {}", settings.identity(), e.toString());
      } finally {
        term.stop();
        // Each round has its own elector with three worker threads: end them with the round.
        current.close();
      }
      if (!closed) {
        LOG.info(
            "{} is no longer in the election for lease {}/{}; rejoining",
            settings.identity(),
            settings.leaseNamespace(),
            settings.leaseName());
        pause();
      }
    }
  }

  private LeaderElector newElector() {
    return new LeaderElector(
        new LeaderElectionConfig(
            new LeaseLock(
                settings.leaseNamespace(), settings.leaseName(), settings.identity(), client),
            settings.leaseDuration(),
            settings.renewDeadline(),
            settings.retryPeriod()),
        e ->
            LOG.warn(
                "Leader election on lease {}/{} failed for {}: {}",
                settings.leaseNamespace(),
                settings.leaseName(),
                settings.identity(),
                e.toString()));
  }

  private void observed(String identity) {
    try {
      listener.leaderObserved(identity);
    } catch (RuntimeException e) {
      LOG.warn("A leadership listener failed on a new leader", e);
    }
  }

  private void pause() {
    try {
      closing.await(settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      closed = true;
    }
  }

  /**
   * One run of the client's elector. The elector is closed exactly once, by the loop when the run
   * ends or by {@link #close()} when the loop does not finish in time: a second close would try to
   * release the lease again.
   */
  private static final class Round {
    private final LeaderElector elector;
    private final AtomicBoolean closed = new AtomicBoolean();

    Round(LeaderElector elector) {
      this.elector = elector;
    }

    void close() {
      if (closed.compareAndSet(false, true)) {
        elector.close();
      }
    }
  }
}
