package io.ordo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The one-line renderings {@code ordo run --watch} prints, for events the ITs rarely produce. */
class EventLinesTest {

  @Test
  void stepEventsNameTheStepAndTheItemOfAForEach() throws IOException {
    assertEquals("transform[2]", EventLines.subject(event(
        "{\"type\": \"step.succeeded\", \"stepId\": \"transform\", \"item\": 2}")));
    assertEquals("execution", EventLines.subject(event(
        "{\"type\": \"execution.failed\", \"stepId\": \"load\"}")));
    assertEquals("signal", EventLines.subject(event(
        "{\"type\": \"signal.received\", \"name\": \"approval\"}")));
  }

  @Test
  void describesWaitsSignalsRetriesAndArtifacts() throws IOException {
    assertEquals("waiting for signal 'approval'", what(
        "{\"type\": \"step.waiting\", \"stepId\": \"approve\", \"signal\": \"approval\"}"));
    assertEquals("signal 'approval' received", what(
        "{\"type\": \"signal.received\", \"name\": \"approval\", \"payload\": {\"by\": \"x\"}}"));
    assertEquals("retry scheduled: attempt 3", what(
        "{\"type\": \"step.retry-scheduled\", \"stepId\": \"a\", \"nextAttempt\": 3}"));
    assertEquals("artifact 'report' recorded (text/csv)", what("{\"type\": "
        + "\"artifact.recorded\", \"stepId\": \"a\", \"name\": \"report\", "
        + "\"contentType\": \"text/csv\", \"value\": \"a,b\"}"));
    assertEquals("for-each started: 1 item", what(
        "{\"type\": \"for-each.started\", \"stepId\": \"t\", \"items\": [1]}"));
    assertEquals("skipped: WHEN_FALSE", what(
        "{\"type\": \"step.skipped\", \"stepId\": \"a\", \"reason\": \"WHEN_FALSE\"}"));
    assertEquals("cancelled by alice: no longer needed", what("{\"type\": "
        + "\"execution.cancelled\", \"by\": \"alice\", \"reason\": \"no longer needed\"}"));
  }

  @Test
  void aFailedAttemptShowsItsErrorAndTheCallOnlyWhenTheErrorDoesNotNameIt() throws IOException {
    assertEquals("failed in 5.0s (attempt 2): GET http://a/x: STEP_TIMEOUT: no answer in PT5S",
        what("{\"type\": \"step.failed\", \"stepId\": \"a\", \"attempt\": 2, "
            + "\"durationMs\": 5000, \"input\": {\"method\": \"GET\", \"url\": \"http://a/x\"}, "
            + "\"error\": {\"errorClass\": \"STEP_TIMEOUT\", \"message\": \"no answer in PT5S\","
            + " \"retryable\": true}}"));
    assertEquals("failed in 3ms (attempt 1): HTTP_5XX: GET http://a/x answered 503", what(
        "{\"type\": \"step.failed\", \"stepId\": \"a\", \"attempt\": 1, \"durationMs\": 3, "
            + "\"input\": {\"method\": \"GET\", \"url\": \"http://a/x\"}, \"error\": "
            + "{\"errorClass\": \"HTTP_5XX\", \"message\": \"GET http://a/x answered 503\"}}"));
  }

  @Test
  void unknownTypesAndFieldsStillReadWell() throws IOException {
    assertEquals("frobnicated twice", what(
        "{\"type\": \"execution.frobnicated-twice\", \"extra\": {\"x\": 1}}"));
    assertEquals("-", Formats.clock(null));
  }

  private static String what(String json) throws IOException {
    return EventLines.what(event(json));
  }

  private static JsonNode event(String json) throws IOException {
    return OrdoClient.JSON.readTree(json);
  }
}
