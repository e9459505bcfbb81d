package io.inspectr.core.spi;

import io.inspectr.core.alert.AlertState;
import java.util.function.UnaryOperator;

/**
 * Keeps the {@link AlertState} across restarts: an embedded file by default, a ConfigMap inside a
 * cluster. Updates are atomic read-modify-write: a store with optimistic concurrency re-reads and
 * re-applies the change when another writer got there first.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface ResultStore {

  /**
   * Reads the state.
   *
   * @return the stored state, or {@link AlertState#empty()} when nothing was stored yet
   * @throws StateStoreException when the state cannot be read or is corrupt
   */
  AlertState load() throws StateStoreException;

  /**
   * Applies a change to the stored state and stores the result.
   *
   * @param change a pure function of the current state; it may run more than once
   * @return the state as stored
   * @throws StateStoreException when the state cannot be written (including when it would not fit)
   */
  AlertState update(UnaryOperator<AlertState> change) throws StateStoreException;
}
