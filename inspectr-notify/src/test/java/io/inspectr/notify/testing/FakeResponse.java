package io.inspectr.notify.testing;

import java.util.Map;

/**
 * What a fake server answers.
 *
 * @param status the HTTP status
 * @param body the body
 * @param headers extra headers
 */
public record FakeResponse(int status, String body, Map<String, String> headers) {

  /**
   * An answer without extra headers.
   *
   * @param status the status
   * @param body the body
   * @return the answer
   */
  public static FakeResponse of(int status, String body) {
    return new FakeResponse(status, body, Map.of());
  }

  /**
   * A JSON answer.
   *
   * @param status the status
   * @param json the body
   * @return the answer
   */
  public static FakeResponse json(int status, String json) {
    return new FakeResponse(status, json, Map.of("Content-Type", "application/json"));
  }
}
