package io.inspectr.notify.internal;

/** The {@code User-Agent} inspectr sends: {@code inspectr/<version>}. */
public final class UserAgent {
  /** {@code inspectr/} and the jar's {@code Implementation-Version}, or {@code dev}. */
  public static final String VALUE = "inspectr/" + version();

  private UserAgent() {}

  private static String version() {
    String v = UserAgent.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }
}
