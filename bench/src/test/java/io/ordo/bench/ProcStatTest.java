package io.ordo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void countsFieldsFromTheLastParenthesis() {
    // A command name with spaces and parentheses, as a thread or process may have.
    String line = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 75 10 5 20 0 30 0"
        + " 100 0 0";
    ProcStat.Times t = ProcStat.parse(line);
    assertEquals(250, t.utime());
    assertEquals(75, t.stime());
    assertEquals(325, t.own());
    assertEquals(340, t.ownAndChildren());
  }

  @Test
  void rejectsWhatIsNotAStatLine() {
    assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("no parenthesis here"));
  }

  @Test
  void readsThisProcess() {
    assertTrue(ProcStat.cpuSeconds(ProcessHandle.current().pid()) > 0);
  }
}
