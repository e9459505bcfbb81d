package io.inspectr.notify.jira.internal;

import io.inspectr.core.result.ResultKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The label that ties a JIRA issue to one result key: {@code inspectr-} and the first 16 hex digits
 * of the SHA-256 of {@link ResultKey#asString()}. Labels allow no spaces and JQL matches them
 * exactly, unlike a summary search; the hash keeps any key short and valid.
 */
public final class IssueLabel {
  /** The start of every key label. */
  public static final String PREFIX = "inspectr-";

  private static final int HEX_DIGITS = 16;

  private IssueLabel() {}

  /**
   * The label of a key.
   *
   * @param key the result key
   * @return e.g. {@code inspectr-7f3a9c0d12e4b5a6}
   */
  public static String of(ResultKey key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(key.asString().getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
