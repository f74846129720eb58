package io.ordo.bench;

import io.ordo.engine.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's outputs: the raw figures as JSON ({@code <date>-<revision>.json} and
 * {@code latest.json} in the results directory) and the report's generated blocks.
 */
final class ReportWriter {

  private static final DateTimeFormatter FILE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final Options o;
  private final Machine machine;
  private final Instant startedAt;
  private final double seconds;
  private final Harness h;

  ReportWriter(Options o, Machine machine, Instant startedAt, double seconds, Harness h) {
    this.o = o;
    this.machine = machine;
    this.startedAt = startedAt;
    this.seconds = seconds;
    this.h = h;
  }

  void write() throws IOException {
    Results r = h.results();
    var json = new LinkedHashMap<String, Object>();
    json.put("startedAt", startedAt.toString());
    json.put("quick", o.quick());
    json.put("command", o.command());
    json.put("options", o.toString());
    json.put("machine", machine);
    json.put("loadAverageAtEnd", Machine.loadAverage());
    json.put("seconds", seconds);
    json.put("buildSeconds", o.buildSeconds());
    json.put("nodeJvmFlags", h.nodeFlags());
    json.put("rows", r.rows());
    json.put("goals", r.goals());
    json.put("failures", r.failures());
    json.put("notes", r.notes());
    json.putAll(r.raw());
    Files.createDirectories(o.resultsDir());
    var writer = Json.mapper().writerWithDefaultPrettyPrinter();
    Path dated = o.resultsDir().resolve(FILE_DATE.format(startedAt) + "-"
        + machine.shortRevision() + ".json");
    writer.writeValue(dated.toFile(), json);
    Files.copy(dated, o.resultsDir().resolve("latest.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    // The prose always comes from the checked-in document, also for --quick's copy.
    String doc = Files.exists(o.docSource()) ? Files.readString(o.docSource())
        : Report.emptyDocument();
    var blocks = new LinkedHashMap<String, String>();
    blocks.put("run", runBlock(dated));
    blocks.put("table", Report.table(r.rows(), machine.label(), DAY.format(startedAt),
        machine.shortRevision()));
    blocks.put("goals", Report.goals(r.goals()));
    Map<String, String> generated = r.blocks();
    blocks.put("events", generated.getOrDefault("events", "Not measured in this run (P3 did"
        + " not run).\n"));
    blocks.put("details", Report.details(r.sections()));
    blocks.put("profile", generated.getOrDefault("profile", "Not recorded in this run.\n"));
    Files.createDirectories(o.doc().getParent());
    Files.writeString(o.doc(), Report.fill(doc, blocks));
  }

  private String runBlock(Path json) {
    Results r = h.results();
    var md = new StringBuilder();
    if (o.quick()) {
      md.append("> **--quick run**: reduced sizes to check the harness; these figures are not"
          + " comparable with a full run.\n\n");
    }
    md.append(String.format(Locale.ROOT, "- **Date**: %s (UTC); the run took %.1f min%s.%n",
        startedAt.toString().substring(0, 16).replace('T', ' '), seconds / 60,
        Double.isNaN(o.buildSeconds()) ? "" : String.format(Locale.ROOT,
            " plus %.0f s of build", o.buildSeconds())));
    md.append(String.format(Locale.ROOT, "- **Machine**: %s, %s; load average at the end %s.%n",
        machine.summary(), machine.kernel(), Machine.loadAverage()));
    md.append(String.format(Locale.ROOT, "- **Revision**: `%s`%s; %s.%n", machine.gitRevision(),
        machine.gitModifiedFiles() > 0 ? " with " + machine.gitModifiedFiles()
            + " modified tracked files (uncommitted work)" : "", machine.java()));
    Object pg = r.raw().get("postgres");
    if (pg instanceof Map<?, ?> settings) {
      md.append("- **PostgreSQL**: ").append(settings.get("server_version"))
          .append(" (embedded, started by the harness), checked with `SHOW` in the run: ");
      settings.forEach((k, v) -> {
        if (!k.equals("server_version")) {
          md.append('`').append(k).append('=').append(v).append("` ");
        }
      });
      md.append('\n');
    }
    md.append("- **Node**: a separate process, `java ").append(String.join(" ", h.nodeFlags()))
        .append(" -cp deploy/target/ordo.jar:deploy/target/lib/* io.ordo.cli.OrdoCli server`,"
            + " HTTP on loopback; the load generator runs in the harness's JVM on the same"
            + " 2 cores.\n");
    md.append("- **Command**: `").append(o.command()).append("`; raw figures in `")
        .append(o.root().relativize(json)).append("` (and `latest.json` beside it).\n");
    if (!r.failures().isEmpty()) {
      md.append("\n**Not measured (failures):**\n\n");
      r.failures().forEach(f -> md.append("- ").append(Fmt.oneLine(f)).append('\n'));
    }
    if (!r.notes().isEmpty()) {
      md.append("\n**Notes:**\n\n");
      r.notes().forEach(n -> md.append("- ").append(Fmt.oneLine(n)).append('\n'));
    }
    return md.toString();
  }
}
