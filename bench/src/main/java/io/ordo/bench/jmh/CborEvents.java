package io.ordo.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ForEachStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepWaiting;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * One sample of each event type as the journal sees it (P3-sized payloads), and the serializer
 * the node uses for them: Pekko's serialization extension with the node's settings (the
 * engine's binding of OrdoSerializable to jackson-cbor, and ordo-serialization.conf).
 */
public final class CborEvents {

  private CborEvents() {}

  public static Map<String, ExecutionEvent> samples() {
    Instant at = Instant.parse("2026-11-23T09:00:00.123456Z");
    JsonNode input;
    try {
      input = Json.mapper().readTree(Workflows.P3_INPUT);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    var ok = Json.mapper().createObjectNode().put("ok", true);
    var output = Json.mapper().createObjectNode();
    output.set("a", ok);
    output.set("b", ok);
    output.set("c", ok);
    ArrayNode items = Json.mapper().createArrayNode();
    for (int i = 0; i < 100; i++) {
      items.add(i);
    }
    var samples = new LinkedHashMap<String, ExecutionEvent>();
    samples.put("ExecutionStarted", new ExecutionStarted(UUID.randomUUID().toString(), "default",
        "bench-p3", 1, input, "anonymous", null, null, at));
    samples.put("StepStarted", new StepStarted("call", null, StepType.HTTP_REQUEST, 1, at));
    samples.put("StepSucceeded", new StepSucceeded("s1", null, StepType.DATA_TRANSFORM, 1, ok,
        0, at));
    samples.put("StepWaiting", new StepWaiting("wait", null, at.plusSeconds(3600), null, at));
    samples.put("ForEachStarted", new ForEachStarted("each", items, at));
    samples.put("ExecutionCompleted", new ExecutionCompleted(output, List.of(), at));
    return samples;
  }

  /** A local actor system with the node's serialization settings (no cluster, no remoting). */
  public static ActorSystem system() {
    Config config = ConfigFactory.parseString("pekko.actor.provider = local\n"
            + "pekko.loglevel = WARNING\npekko.log-dead-letters = off")
        .withFallback(ConfigFactory.parseResources("ordo-serialization.conf"))
        .withFallback(ConfigFactory.defaultReference());
    return ActorSystem.create("cbor-bench", config);
  }

  public static SerializerWithStringManifest serializerFor(ActorSystem system, Object event) {
    var serializer = SerializationExtension.get(system).findSerializerFor(event);
    if (!(serializer instanceof SerializerWithStringManifest s)) {
      throw new IllegalStateException(event.getClass() + " is serialized by " + serializer);
    }
    return s;
  }

  /** Serialized size in bytes of each sample, with the serializer's name. */
  public static Map<String, Integer> sizes() {
    ActorSystem system = system();
    try {
      var sizes = new LinkedHashMap<String, Integer>();
      samples().forEach((name, event) ->
          sizes.put(name, serializerFor(system, event).toBinary(event).length));
      return sizes;
    } finally {
      system.terminate();
    }
  }
}
