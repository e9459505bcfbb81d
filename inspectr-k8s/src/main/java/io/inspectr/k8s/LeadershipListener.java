package io.inspectr.k8s;

/**
 * Hears when this replica becomes or stops being the leader. Each {@link #stoppedLeading()} follows
 * exactly one {@link #startedLeading()}: a replica that never led is never told to stop.
 *
 * <p>Calls come from the election's threads, one at a time: a stop waits for a start in progress.
 * Implementations must not block for long and must not throw.
 *
 * @since 0.1
 */
public interface LeadershipListener {

  /** This replica now leads: start the work only one replica may do. */
  void startedLeading();

  /** This replica no longer leads (lost the lease, or is shutting down): stop that work now. */
  void stoppedLeading();

  /**
   * Another replica, or this one, was seen holding the lease.
   *
   * @param identity the holder's identity
   */
  default void leaderObserved(String identity) {}
}
