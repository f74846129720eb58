package io.ordo.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadMathTest {

  @Test
  void openLoopRatesAreFractionsOfSaturationRoundedToFive() {
    assertEquals(List.of(40.0, 100.0, 200.0, 280.0, 340.0, 400.0, 480.0),
        OpenLoopWorkload.rates(400));
  }

  @Test
  void openLoopRatesNeverRepeatAtLowSaturation() {
    assertEquals(List.of(5.0, 10.0, 15.0, 20.0), OpenLoopWorkload.rates(16));
  }

  @Test
  void openLoopFallsBackToAFixedLadder() {
    assertEquals(OpenLoopWorkload.FIXED.length, OpenLoopWorkload.rates(Double.NaN).size());
  }

  @Test
  void readsTheG1HeapLineOfGcHeapInfo() {
    var heap = ParkedWorkload.parseHeap("""
        12345:
         garbage-first heap   total 2097152K, used 314572K [0x0000000080000000, 0x0000000100000000)
          region size 1024K, 120 young (122880K), 3 survivors (3072K)
        """);
    assertEquals(307.199, heap.usedMiB(), 0.001);
    assertEquals(2048.0, heap.committedMiB(), 0.001);
  }

  @Test
  void readsTheInMemoryGaugeFromThePrometheusText() {
    assertEquals(7_512, ParkedWorkload.parseInMemory("""
        # HELP ordo_executions_in_memory Execution entities this node holds in memory
        # TYPE ordo_executions_in_memory gauge
        ordo_executions_in_memory 7512.0
        ordo_executions_started_total{workflow="bench-park"} 100000.0
        """));
    assertThrows(IllegalStateException.class, () -> ParkedWorkload.parseInMemory("up 1.0"));
  }

  @Test
  void refusesHeapInfoItCannotRead() {
    assertThrows(IllegalStateException.class, () -> ParkedWorkload.parseHeap("nothing"));
  }
}
