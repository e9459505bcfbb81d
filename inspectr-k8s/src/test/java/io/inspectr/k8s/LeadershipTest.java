package io.inspectr.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The start and stop hooks of one term, which the client's elector runs on two threads. The
 * interleavings are forced with latches and thread states, never with sleeps.
 */
class LeadershipTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Records the calls; the start blocks until the test lets it go. */
  static final class Recording implements LeadershipListener {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch startEntered = new CountDownLatch(1);
    final CountDownLatch letStartFinish = new CountDownLatch(1);

    @Override
    public void startedLeading() {
      calls.add("start:begin");
      startEntered.countDown();
      try {
        if (!letStartFinish.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          calls.add("start:gave-up");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      calls.add("start:end");
    }

    @Override
    public void stoppedLeading() {
      calls.add("stop");
    }
  }

  private static Leadership leadership(LeadershipListener listener) {
    return new Leadership(LeaderElectionSettings.of("inspectr", "pod-a"), listener);
  }

  @Test
  void aStopDuringTheStartWaitsForItAndLeavesTheReplicaNotLeading() throws Exception {
    Recording listener = new Recording();
    Leadership leadership = leadership(listener);
    Leadership.Term term = leadership.newTerm();
    Thread hookWorker = new Thread(term::start, "start-hook");
    Thread electionThread = new Thread(term::stop, "stop-hook");

    hookWorker.start();
    assertThat(listener.startEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    electionThread.start();
    // The stop either waits for the start (blocked) or, wrongly, runs through it.
    await()
        .atMost(WAIT)
        .until(
            () ->
                electionThread.getState() == Thread.State.BLOCKED
                    || electionThread.getState() == Thread.State.WAITING
                    || electionThread.getState() == Thread.State.TERMINATED);
    listener.letStartFinish.countDown();
    hookWorker.join(WAIT.toMillis());
    electionThread.join(WAIT.toMillis());

    assertThat(listener.calls).containsExactly("start:begin", "start:end", "stop");
    assertThat(leadership.isLeader()).isFalse();
    assertThat(leadership.terms()).isEqualTo(1);
  }

  @Test
  void aStartAfterTheStopIsNeverHeard() {
    Recording listener = new Recording();
    Leadership leadership = leadership(listener);
    Leadership.Term term = leadership.newTerm();

    term.stop();
    term.start();

    assertThat(listener.calls).isEmpty();
    assertThat(leadership.isLeader()).isFalse();
    assertThat(leadership.terms()).isZero();
  }

  @Test
  void eachTermIsHeardOnceAndTheNextOneLeadsAgain() {
    Recording listener = new Recording();
    listener.letStartFinish.countDown();
    Leadership leadership = leadership(listener);

    Leadership.Term first = leadership.newTerm();
    first.start();
    first.start();
    assertThat(leadership.isLeader()).isTrue();
    first.stop();
    first.stop();
    Leadership.Term second = leadership.newTerm();
    second.start();

    assertThat(listener.calls)
        .containsExactly("start:begin", "start:end", "stop", "start:begin", "start:end");
    assertThat(leadership.isLeader()).isTrue();
    assertThat(leadership.terms()).isEqualTo(2);
  }
}
