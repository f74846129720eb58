package io.ordo.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Jackson CBOR through Pekko's serialization extension, per event type: what the journal does
 * for every event it writes (serialize) and every event a recovery replays (deserialize).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CborBench {

  // The largest event, the commonest, and a parked execution's; the others are of these shapes.
  @Param({"ExecutionStarted", "StepSucceeded", "StepWaiting"})
  public String event;

  private ActorSystem system;
  private SerializerWithStringManifest serializer;
  private ExecutionEvent sample;
  private byte[] bytes;
  private String manifest;
  private ObjectMapper mapper;
  private Class<? extends ExecutionEvent> type;

  @Setup
  public void setup() throws Exception {
    system = CborEvents.system();
    sample = CborEvents.samples().get(event);
    serializer = CborEvents.serializerFor(system, sample);
    manifest = serializer.manifest(sample);
    bytes = serializer.toBinary(sample);
    mapper = JacksonObjectMapperProvider.get(system).getOrCreate("jackson-cbor", Optional.empty());
    type = sample.getClass();
    if (!serializer.fromBinary(bytes, manifest).equals(sample)) {
      throw new IllegalStateException(event + " does not survive a round trip");
    }
  }

  @TearDown
  public void tearDown() {
    system.terminate();
  }

  @Benchmark
  public byte[] serialize() {
    return serializer.toBinary(sample);
  }

  @Benchmark
  public Object deserialize() throws Exception {
    return serializer.fromBinary(bytes, manifest);
  }

  /** The same bytes through the serializer's own ObjectMapper: Jackson's share of the above. */
  @Benchmark
  public Object deserializeJackson() throws Exception {
    return mapper.readValue(bytes, type);
  }
}
