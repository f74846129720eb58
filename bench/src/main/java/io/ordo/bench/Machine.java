package io.ordo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where and on what the figures were taken. */
public record Machine(int cpus, String cpuModel, long memoryMiB, String kernel, String java,
    String gitRevision, int gitModifiedFiles) {

  public static Machine describe(Path root) {
    String model = "unknown";
    long memKiB = 0;
    try {
      model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
      memKiB = Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal:"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
    } catch (IOException ignored) {
      // reported as unknown
    }
    String rev = command(root, "git", "rev-parse", "HEAD").strip();
    // --no-optional-locks: read only, never refresh the index under the lead's feet.
    String status = command(root, "git", "--no-optional-locks", "status", "--porcelain",
        "--untracked-files=no");
    int modified = (int) status.lines().filter(l -> !l.isBlank()).count();
    String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    return new Machine(Runtime.getRuntime().availableProcessors(), model, memKiB / 1024,
        System.getProperty("os.name") + " " + System.getProperty("os.version"), java,
        rev.isEmpty() ? "unknown" : rev, modified);
  }

  public String shortRevision() {
    String r = gitRevision.length() > 10 ? gitRevision.substring(0, 10) : gitRevision;
    return gitModifiedFiles > 0 ? r + "+dirty" : r;
  }

  /** Short, for every row of the table: "2× Xeon 2.20GHz, 23 GiB". */
  public String label() {
    String model = cpuModel.replaceAll("\\((R|TM|tm)\\)", "")
        .replaceAll("\\b(Intel|AMD|CPU|Processor)\\b", "").replace("@", "")
        .replaceAll("\\s+", " ").trim();
    return cpus + "× " + model + ", " + Math.round(memoryMiB / 1024.0) + " GiB";
  }

  /** The 1-, 5- and 15-minute load averages: how busy the machine was around the run. */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  public String summary() {
    return cpus + "× " + cpuModel + ", " + Math.round(memoryMiB / 1024.0) + " GiB";
  }

  static String command(Path dir, String... args) {
    try {
      Process p = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "";
      }
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Runs a JDK tool (jcmd) of this JVM's installation. */
  public static String jdkTool(String tool, String... args) {
    var command = new java.util.ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(tool + " did not finish");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(tool + " " + args[0] + " failed: " + out.strip());
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + tool, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(tool + " interrupted", e);
    }
  }

  /** This harness's JVM flags. */
  static List<String> ownJvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments();
  }
}
