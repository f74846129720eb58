package io.ordo.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a node's API. It maps the ways a call can go wrong to the exit codes
 * scripts rely on (3 unreachable, 4 refused), so subclasses only handle success. Output goes to
 * the command line's writers, which tests capture.
 */
abstract class ApiCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ServerOption server;

  // Not mixinStandardHelpOptions: its --version would clash with run's --version <n>.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  /** Does the work; answers the exit code. */
  protected abstract int run(OrdoClient client) throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      OrdoCli root = (OrdoCli) spec.root().userObject();
      return run(new OrdoClient(ServerOption.resolve(spec.commandLine(), server, root.server)));
    } catch (UnreachableException e) {
      err().println("ordo: " + e.getMessage());
      return ExitCodes.UNREACHABLE;
    } catch (ApiException e) {
      Problems.print(err(), spec.qualifiedName() + ": ", e);
      return e.exitCode();
    } finally {
      out().flush();
      err().flush();
    }
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
