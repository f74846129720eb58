package io.ordo.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/benchmarks.md: hand-written prose with generated blocks between
 * {@code <!-- BEGIN generated:NAME -->} and {@code <!-- END generated:NAME -->}. A run replaces
 * only what is between the markers, so the prose (methodology, explanations, the profile's
 * reading) stays; a block the document lacks is appended at its end.
 */
public final class Report {

  /** The generated blocks, in the order a new document gets them. */
  public static final List<String> BLOCKS = List.of("run", "table", "goals", "events",
      "details", "profile");

  private static final Pattern BLOCK = Pattern.compile(
      "(<!-- BEGIN generated:([a-z-]+) -->\\n)(.*?)(<!-- END generated:\\2 -->)", Pattern.DOTALL);

  /** A document with nothing but the blocks, for when docs/benchmarks.md does not exist. */
  static String emptyDocument() {
    var doc = new StringBuilder("# Ordo benchmarks\n\n");
    for (String name : BLOCKS) {
      doc.append("## ").append(name).append("\n\n").append(markers(name, "")).append("\n");
    }
    return doc.toString();
  }

  static String markers(String name, String content) {
    return "<!-- BEGIN generated:" + name + " -->\n" + content
        + (content.isEmpty() || content.endsWith("\n") ? "" : "\n")
        + "<!-- END generated:" + name + " -->\n";
  }

  /** {@code doc} with each named block's content replaced; missing blocks appended. */
  public static String fill(String doc, Map<String, String> blocks) {
    var remaining = new LinkedHashMap<>(blocks);
    Matcher m = BLOCK.matcher(doc);
    var out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2);
      String content = remaining.containsKey(name) ? remaining.remove(name) : m.group(3);
      if (!content.isEmpty() && !content.endsWith("\n")) {
        content += "\n";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + content + m.group(4)));
    }
    m.appendTail(out);
    for (var e : remaining.entrySet()) {
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      out.append("\n## ").append(e.getKey()).append(" (generated)\n\n")
          .append(markers(e.getKey(), e.getValue()));
    }
    return out.toString();
  }

  /** The main table: every row with the machine, date and revision it was measured on. */
  static String table(List<Results.Row> rows, String machine, String date, String revision) {
    var md = new StringBuilder("| workload | figure | value | baseline | ratio | machine | date"
        + " | git revision |\n|---|---|---|---|---|---|---|---|\n");
    for (Results.Row r : rows) {
      md.append("| ").append(cell(r.workload())).append(" | ").append(cell(r.figure()))
          .append(" | ").append(cell(r.value())).append(" | ").append(cell(r.baseline()))
          .append(" | ").append(cell(r.ratio())).append(" | ").append(machine).append(" | ")
          .append(date).append(" | ").append(revision).append(" |\n");
    }
    return md.toString();
  }

  static String goals(List<Results.GoalResult> goals) {
    var md = new StringBuilder("| goal | target | measured | verdict |\n|---|---|---|---|\n");
    for (Results.GoalResult g : goals) {
      String verdict = g.met() == null ? "not measured" : g.met() ? "**met**" : "**not met**";
      md.append("| ").append(g.goal().what).append(" | ").append(g.goal().target).append(" | ")
          .append(cell(g.measured())).append(" | ").append(verdict).append(" |\n");
    }
    return md.toString();
  }

  static String details(Map<String, String> sections) {
    var md = new StringBuilder();
    sections.forEach((title, body) -> md.append("### ").append(title).append("\n\n")
        .append(body.strip()).append("\n\n"));
    return md.toString();
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "/").replace("\n", " ");
  }
}
