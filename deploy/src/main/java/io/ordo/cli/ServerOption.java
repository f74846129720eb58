package io.ordo.cli;

import java.net.URI;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --server <url>}: which node a command talks to. Accepted before the subcommand
 * ({@code ordo --server u run x}) and after it ({@code ordo run x --server u}); the later one
 * wins, then ORDO_URL, then {@value #DEFAULT} (where {@code ordo server} listens by default).
 */
final class ServerOption {

  static final String ENV = "ORDO_URL";
  static final String DEFAULT = "http://localhost:8080";

  @Option(names = "--server", paramLabel = "<url>",
      description = {"The Ordo node's base URL (or " + ENV + ").", "Default: " + DEFAULT})
  String url;

  /** The base URL to use, checked; a malformed one is a usage error of {@code caller}. */
  static URI resolve(CommandLine caller, ServerOption own, ServerOption root) {
    String raw = own != null && own.url != null ? own.url
        : root != null && root.url != null ? root.url
        : System.getenv(ENV) != null && !System.getenv(ENV).isBlank() ? System.getenv(ENV)
        : DEFAULT;
    String trimmed = raw.strip().replaceAll("/+$", "");
    try {
      URI uri = URI.create(trimmed);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // Reported below, like any other malformed URL.
    }
    throw new CommandLine.ParameterException(caller, "Invalid value for option '--server' (or "
        + ENV + "): '" + raw + "' is not an http(s) URL such as " + DEFAULT);
  }
}
