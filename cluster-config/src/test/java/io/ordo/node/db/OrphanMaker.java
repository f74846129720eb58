package io.ordo.node.db;

import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresIT}: starts the embedded server, says READY,
 * and waits to be killed with SIGKILL, which leaves the server running without its node.
 */
public final class OrphanMaker {

  private OrphanMaker() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedPostgres.start(Path.of(args[0]), 0, Map.of("fsync", "off"));
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
  }
}
