package io.ordo.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The node's logback.xml (not the tests'): ORDO_LOG_FORMAT=json writes one JSON object per line
 * with the MDC (the request id) as fields; the default is readable text.
 */
class LogFormatTest {

  private static List<String> logThroughNodeConfig(String format) throws Exception {
    PrintStream original = System.out;
    var captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      if (format != null) {
        context.putProperty("ORDO_LOG_FORMAT", format);
      }
      var configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      try (var id = MDC.putCloseable("requestId", "req-7")) {
        context.getLogger("io.ordo.http.access").info("GET {} -> {}", "/api/v1/agents", 200);
      }
    } finally {
      context.stop(); // flushes the async appender
      System.setOut(original);
    }
    String all = captured.toString(StandardCharsets.UTF_8);
    return all.lines().filter(line -> line.contains("/api/v1/agents")).toList();
  }

  @Test
  void jsonFormatWritesOneObjectPerLineWithTheRequestId() throws Exception {
    List<String> lines = logThroughNodeConfig("json");
    assertEquals(1, lines.size(), () -> "lines: " + lines);
    JsonNode line = new ObjectMapper().readTree(lines.get(0));
    assertEquals("GET /api/v1/agents -> 200", line.get("message").asText());
    assertEquals("req-7", line.get("requestId").asText());
    assertEquals("INFO", line.get("level").asText());
    assertEquals("io.ordo.http.access", line.get("logger_name").asText());
    assertTrue(line.has("@timestamp"));
  }

  @Test
  void textIsTheDefault() throws Exception {
    List<String> lines = logThroughNodeConfig(null);
    assertEquals(1, lines.size(), () -> "lines: " + lines);
    assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  io\\.ordo\\.http\\.access"
        + " - GET /api/v1/agents -> 200"), lines.get(0));
  }
}
