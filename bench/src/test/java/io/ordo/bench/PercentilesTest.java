package io.ordo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOverOneHundredSamples() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      // 1..100 ms, shuffled order must not matter
      nanos[(i * 37) % 100] = (i + 1) * 1_000_000L;
    }
    Percentiles p = Percentiles.ofNanos(nanos);
    assertEquals(100, p.count());
    assertEquals(50.5, p.mean(), 1e-9);
    assertEquals(50.0, p.p50(), 1e-9);
    assertEquals(90.0, p.p90(), 1e-9);
    assertEquals(95.0, p.p95(), 1e-9);
    assertEquals(99.0, p.p99(), 1e-9);
    assertEquals(100.0, p.max(), 1e-9);
  }

  @Test
  void smallSamplesRoundUpToAnActualSample() {
    Percentiles p = Percentiles.ofNanos(new long[] {3_000_000, 1_000_000, 2_000_000});
    assertEquals(2.0, p.p50(), 1e-9);
    assertEquals(3.0, p.p99(), 1e-9);
  }

  @Test
  void leavesItsInputUnsorted() {
    long[] nanos = {5, 1, 3};
    Percentiles.ofNanos(nanos);
    assertEquals(5, nanos[0]);
  }

  @Test
  void noSamplesGiveNotANumber() {
    Percentiles p = Percentiles.ofNanos(new long[0]);
    assertEquals(0, p.count());
    assertTrue(Double.isNaN(p.p99()));
    assertEquals("n/a", Fmt.f2(p.p99()));
  }
}
