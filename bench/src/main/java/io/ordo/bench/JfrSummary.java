package io.ordo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A text summary of a JFR recording of the node: where its CPU samples are (by component, hot
 * methods by top frame, by the nearest Ordo frame, by package, by thread pool; the most
 * frequent stacks),
 * where it allocates, and its GC pauses.
 */
public final class JfrSummary {

  /** A method and its share of the samples. */
  public record Hot(String method, long samples, double percent) {}

  /** Allocated bytes (sampled weight) of one class at one site. */
  public record Allocation(String site, double mib, double percent) {}

  private final Map<String, Long> topFrames = new HashMap<>();
  private final Map<String, Long> ordoFrames = new HashMap<>();
  private final Map<String, Long> components = new HashMap<>();
  private final Map<String, Long> packages = new HashMap<>();
  private final Map<String, Long> threads = new HashMap<>();
  private final Map<String, Long> stacks = new HashMap<>();
  private final Map<String, Long> allocations = new HashMap<>();
  private long samples;
  private long allocationWeight;
  private long gcCount;
  private Duration gcPause = Duration.ZERO;
  private Duration longestPause = Duration.ZERO;

  public static JfrSummary of(Path recording) throws IOException {
    var summary = new JfrSummary();
    try (var file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        summary.add(file.readEvent());
      }
    }
    return summary;
  }

  private void add(RecordedEvent e) {
    String type = e.getEventType().getName();
    switch (type) {
      case "jdk.ExecutionSample" -> sample(e);
      case "jdk.ObjectAllocationSample" -> {
        RecordedStackTrace st = e.getStackTrace();
        long weight = e.getLong("weight");
        allocationWeight += weight;
        String site = st == null || st.getFrames().isEmpty() ? "?"
            : name(firstUseful(st.getFrames()));
        allocations.merge(e.getClass("objectClass").getName() + " at " + site, weight,
            Long::sum);
      }
      case "jdk.GarbageCollection" -> {
        gcCount++;
        Duration pause = e.getDuration("sumOfPauses");
        gcPause = gcPause.plus(pause);
        if (pause.compareTo(longestPause) > 0) {
          longestPause = pause;
        }
      }
      default -> { }
    }
  }

  private void sample(RecordedEvent e) {
    RecordedStackTrace st = e.getStackTrace();
    if (st == null || st.getFrames().isEmpty()) {
      return;
    }
    samples++;
    List<RecordedFrame> frames = st.getFrames();
    String top = name(frames.get(0));
    topFrames.merge(top, 1L, Long::sum);
    packages.merge(packageOf(frames.get(0).getMethod()), 1L, Long::sum);
    String ordo = "(no Ordo frame)";
    for (RecordedFrame f : frames) {
      if (f.getMethod().getType().getName().startsWith("io.ordo.")) {
        ordo = name(f);
        break;
      }
    }
    ordoFrames.merge(ordo, 1L, Long::sum);
    components.merge(StackComponents.classify(frames.stream().map(JfrSummary::name).toList()),
        1L, Long::sum);
    var thread = e.getThread("sampledThread");
    String threadName = thread == null || thread.getJavaName() == null ? "?"
        : thread.getJavaName().replaceAll("-?\\d+", "-N");
    threads.merge(threadName, 1L, Long::sum);
    var stack = new StringBuilder();
    for (int i = 0; i < Math.min(8, frames.size()); i++) {
      stack.append(i == 0 ? "  " : "\n      <- ").append(name(frames.get(i)));
    }
    stacks.merge(stack.toString(), 1L, Long::sum);
  }

  /** Skips the JDK's and libraries' generic allocation helpers to name a useful site. */
  private static RecordedFrame firstUseful(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String t = f.getMethod().getType().getName();
      if (!t.startsWith("java.") && !t.startsWith("jdk.") && !t.startsWith("sun.")) {
        return f;
      }
    }
    return frames.get(0);
  }

  private static String name(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    return m.getType().getName() + "." + m.getName();
  }

  private static String packageOf(RecordedMethod m) {
    String t = m.getType().getName();
    int dot = t.lastIndexOf('.');
    return dot < 0 ? "(default)" : t.substring(0, dot);
  }

  public long samples() {
    return samples;
  }

  /** The {@code n} methods with most samples as the top frame. */
  public List<Hot> hotMethods(int n) {
    return top(topFrames, n);
  }

  /** Samples by the part of the node that caused them ({@link StackComponents}). */
  public List<Hot> byComponent() {
    return top(components, components.size());
  }

  public List<Hot> byOrdoFrame(int n) {
    return top(ordoFrames, n);
  }

  public List<Hot> byPackage(int n) {
    return top(packages, n);
  }

  public List<Hot> byThread(int n) {
    return top(threads, n);
  }

  public List<Allocation> allocations(int n) {
    var entries = new ArrayList<>(allocations.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    var result = new ArrayList<Allocation>();
    for (var a : entries.subList(0, Math.min(n, entries.size()))) {
      result.add(new Allocation(a.getKey(), a.getValue() / 1048576.0,
          allocationWeight == 0 ? 0 : 100.0 * a.getValue() / allocationWeight));
    }
    return result;
  }

  /** "12 collections, pauses 85 ms in total, longest 9 ms". */
  public String gcLine() {
    return gcCount + " collections, pauses " + gcPause.toMillis() + " ms in total, longest "
        + longestPause.toMillis() + " ms";
  }

  private List<Hot> top(Map<String, Long> counts, int n) {
    var entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    var result = new ArrayList<Hot>();
    for (var entry : entries.subList(0, Math.min(n, entries.size()))) {
      result.add(new Hot(entry.getKey(), entry.getValue(),
          samples == 0 ? 0 : 100.0 * entry.getValue() / samples));
    }
    return result;
  }

  public String render(String header) {
    var out = new StringBuilder(header).append("\n\n");
    out.append("CPU samples (jdk.ExecutionSample, Java code only): ").append(samples).append('\n');
    out.append("GC: ").append(gcLine()).append("\n\n");
    section(out, "By component (what caused the work, see StackComponents)", byComponent());
    section(out, "Hot methods (top frame, self time)", top(topFrames, 30));
    section(out, "By the nearest Ordo frame on the stack (what of ours caused the work)",
        top(ordoFrames, 20));
    section(out, "By package of the top frame", top(packages, 20));
    section(out, "By thread (digits folded)", top(threads, 15));
    out.append("== Most frequent stacks (top 8 frames) ==\n");
    for (Hot h : top(stacks, 15)) {
      out.append(String.format("%6d %5.1f%%%n%s%n", h.samples(), h.percent(), h.method()));
    }
    out.append("\n== Allocation (jdk.ObjectAllocationSample weight, by class and first non-JDK"
        + " frame) ==\n");
    for (Allocation a : allocations(20)) {
      out.append(String.format("%8.1f MiB %5.1f%%  %s%n", a.mib(), a.percent(), a.site()));
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<Hot> rows) {
    out.append("== ").append(title).append(" ==\n");
    for (Hot h : rows) {
      out.append(String.format("%6d %5.1f%%  %s%n", h.samples(), h.percent(), h.method()));
    }
    out.append('\n');
  }

  /** For the JSON: the counts behind the text. */
  public Map<String, Object> toMap() {
    var map = new LinkedHashMap<String, Object>();
    map.put("samples", samples);
    map.put("gcCount", gcCount);
    map.put("gcPauseMs", gcPause.toMillis());
    map.put("byComponent", byComponent());
    map.put("hotMethods", hotMethods(30));
    map.put("byOrdoFrame", top(ordoFrames, 20));
    map.put("byPackage", top(packages, 20));
    return map;
  }
}
