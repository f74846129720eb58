package io.ordo.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr while files are processed, only when stderr is a terminal and not
 * {@code --quiet}. While the bar is shown, report lines are held back and printed after it, so
 * the two never overwrite each other; without a bar they are printed at once.
 */
final class ImportProgress implements AutoCloseable {

  private record Line(PrintWriter target, String text) {}

  private final ProgressBar bar;
  private final List<Line> held = new ArrayList<>();

  ImportProgress(String task, int total, boolean quiet) {
    this.bar = quiet || total < 2 || !interactive() ? null : new ProgressBarBuilder()
        .setTaskName(task).setInitialMax(total).setUpdateIntervalMillis(100)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).hideEta()
        .clearDisplayOnFinish().build();
  }

  /** A line of the report, for stdout or stderr. */
  void print(PrintWriter target, String text) {
    if (bar == null) {
      target.println(text);
      target.flush();
    } else {
      held.add(new Line(target, text));
    }
  }

  /** One file done. */
  void step(String name) {
    if (bar != null) {
      bar.setExtraMessage(name);
      bar.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      held.forEach(line -> line.target().println(line.text()));
      held.forEach(line -> line.target().flush());
      held.clear();
    }
  }

  /** Whether the JVM talks to a terminal (on Java 22+ a console exists even when redirected). */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException olderJava) {
      return true;
    }
  }
}
