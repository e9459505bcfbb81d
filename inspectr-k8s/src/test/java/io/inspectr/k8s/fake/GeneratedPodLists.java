package io.inspectr.k8s.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** Streams pod lists made on demand, so that tens of thousands of pods cost the server nothing. */
final class GeneratedPodLists {
  private GeneratedPodLists() {}

  static void send(
      HttpExchange exchange,
      int count,
      IntFunction<String> json,
      int limit,
      @Nullable String after,
      String listVersion,
      long epoch)
      throws IOException {
    int start = after == null ? 0 : Integer.parseInt(after) + 1;
    int end = limit > 0 ? Math.min(count, start + limit) : count;
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8), 1 << 16)) {
      out.write("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"");
      out.write(listVersion);
      out.write('"');
      if (end < count) {
        out.write(",\"continue\":\"");
        out.write(FakeApiServer.token(epoch, listVersion, Integer.toString(end - 1)));
        out.write('"');
      }
      out.write("},\"items\":[");
      for (int i = start; i < end; i++) {
        if (i > start) {
          out.write(',');
        }
        out.write(json.apply(i));
      }
      out.write("]}");
    }
  }
}
