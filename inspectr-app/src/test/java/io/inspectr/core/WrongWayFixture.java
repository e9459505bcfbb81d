package io.inspectr.core;

import io.inspectr.app.cli.InspectrCommand;

/**
 * A test-only class in a core package that depends on the app: the architecture rule must flag it.
 */
public final class WrongWayFixture {
  private final InspectrCommand command = new InspectrCommand();

  /** Uses the app, which core must never do. */
  @Override
  public String toString() {
    return command.toString();
  }
}
