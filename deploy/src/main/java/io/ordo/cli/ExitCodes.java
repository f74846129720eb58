package io.ordo.cli;

/**
 * The exit codes scripts can rely on, one table for every command (docs/cli.md#exit-codes). The
 * {@code *_HELP} strings are the lines of the commands' "Exit codes" help sections, so the help
 * and the code cannot drift apart.
 */
final class ExitCodes {

  /** Success; for {@code run --watch/--wait}: the execution COMPLETED. */
  static final int OK = 0;
  /** The execution ran and ended FAILED, CANCELLED or TIMED_OUT. */
  static final int EXECUTION_FAILED = 1;
  /** Usage error: unknown option, missing argument, malformed --input, unreadable file. */
  static final int USAGE = 2;
  /** The server could not be reached (refused, unknown host, no answer in time). */
  static final int UNREACHABLE = 3;
  /** The server refused the request with a problem (any 4xx or 5xx), printed on stderr. */
  static final int REJECTED = 4;
  /** {@code run --wait}: the wait ran out while the execution was still going. */
  static final int STILL_RUNNING = 5;
  /** A bug in the command line itself (sysexits' EX_SOFTWARE); the stack trace is on stderr. */
  static final int INTERNAL = 70;

  static final String HEADING = "%nExit codes:%n";
  static final String OK_HELP = "0:success";
  static final String EXECUTION_FAILED_HELP =
      "1:the execution ended FAILED, CANCELLED or TIMED_OUT";
  static final String USAGE_HELP =
      "2:usage error (unknown option, missing or malformed argument, unreadable file)";
  static final String UNREACHABLE_HELP = "3:the server could not be reached";
  static final String REJECTED_HELP = "4:the server refused the request (not found, invalid, "
      + "conflict, server error); its problem is printed on stderr";
  static final String STILL_RUNNING_HELP =
      "5:--wait ran out before the execution ended (it carries on)";
  static final String INTERNAL_HELP = "70:internal error of the command line (please report it)";

  private ExitCodes() {}
}
