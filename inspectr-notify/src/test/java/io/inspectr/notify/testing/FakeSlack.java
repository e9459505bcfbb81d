package io.inspectr.notify.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A Slack incoming webhook on loopback. It checks every message against Slack's documented limits
 * (JSON body, a non-empty {@code text}, at most 50 blocks, section text at most 3,000 characters,
 * at most 10 fields of at most 2,000, header text {@code plain_text} of at most 150, no empty text
 * objects, at most 12,000 characters in all) and answers {@code 400 invalid_blocks} for a message
 * that breaks one, as Slack does; otherwise {@code 200 ok}, unless answers were queued with {@link
 * #enqueue}. Thread-safe.
 */
public final class FakeSlack implements AutoCloseable {
  /** The webhook path the fake serves. */
  public static final String PATH = "/services/T0FAKE0001/B0FAKE0002/s3cr3tWebhookT0ken0123456";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Deque<FakeResponse> queued = new ArrayDeque<>();
  private final List<JsonNode> accepted = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final FakeHttpServer server;

  /** Starts the fake. */
  public FakeSlack() {
    server = new FakeHttpServer(this::answer);
  }

  private synchronized FakeResponse answer(RecordedRequest request) {
    if (!request.method().equals("POST") || !request.path().equals(PATH)) {
      return FakeResponse.of(404, "no_service");
    }
    FakeResponse next = queued.poll();
    if (next != null) {
      return next;
    }
    List<String> problems = check(request);
    if (!problems.isEmpty()) {
      violations.addAll(problems);
      return FakeResponse.of(400, "invalid_blocks");
    }
    accepted.add(parse(request.body()));
    return FakeResponse.of(200, "ok");
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      return JSON.nullNode();
    }
  }

  /**
   * What breaks Slack's limits in a request.
   *
   * @param request the request
   * @return the problems, empty when the message is valid
   */
  public static List<String> check(RecordedRequest request) {
    List<String> problems = new ArrayList<>();
    String type = request.header("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      problems.add("content type " + type);
    }
    JsonNode message = parse(request.body());
    if (!message.isObject()) {
      return List.of("not JSON: " + request.body());
    }
    String text = message.path("text").asText("");
    if (text.isEmpty()) {
      problems.add("no fallback text");
    }
    int chars = text.length();
    JsonNode blocks = message.path("blocks");
    if (blocks.size() > 50) {
      problems.add(blocks.size() + " blocks");
    }
    for (JsonNode block : blocks) {
      String blockType = block.path("type").asText();
      int limit = blockType.equals("header") ? 150 : 3000;
      if (blockType.equals("header")
          && !"plain_text".equals(block.path("text").path("type").asText())) {
        problems.add("header text of type " + block.path("text").path("type"));
      }
      if (block.has("text")) {
        String t = block.path("text").path("text").asText("");
        chars += t.length();
        if (t.isEmpty() || t.length() > limit) {
          problems.add(blockType + " text of " + t.length() + " characters");
        }
      }
      if (block.path("fields").size() > 10) {
        problems.add(block.path("fields").size() + " fields");
      }
      for (JsonNode part : List.of(block.path("fields"), block.path("elements"))) {
        for (JsonNode field : part) {
          String t = field.path("text").asText("");
          chars += t.length();
          if (t.isEmpty() || t.length() > 2000) {
            problems.add("field or element of " + t.length() + " characters");
          }
        }
      }
    }
    if (chars > 12_000) {
      problems.add("message of " + chars + " characters");
    }
    return problems;
  }

  /**
   * Queues answers given before any checks, in order (e.g. a 429).
   *
   * @param responses the answers
   */
  public synchronized void enqueue(FakeResponse... responses) {
    queued.addAll(List.of(responses));
  }

  /**
   * The webhook URL.
   *
   * @return never {@code null}
   */
  public String url() {
    return server.baseUrl() + PATH;
  }

  /**
   * The base URL to which {@code webhook-id} is appended.
   *
   * @return never {@code null}
   */
  public String servicesBase() {
    return server.baseUrl() + "/services/";
  }

  /**
   * The messages answered {@code 200 ok}, in order.
   *
   * @return a copy
   */
  public synchronized List<JsonNode> accepted() {
    return List.copyOf(accepted);
  }

  /**
   * Every limit broken so far.
   *
   * @return a copy
   */
  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * Every request received.
   *
   * @return a copy
   */
  public List<RecordedRequest> requests() {
    return server.requests();
  }

  @Override
  public void close() {
    server.close();
  }
}
