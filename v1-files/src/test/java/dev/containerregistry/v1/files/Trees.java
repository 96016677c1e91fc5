package dev.containerregistry.v1.files;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;

/** Test helper: small source trees on disk. */
final class Trees {

  private Trees() {}

  /**
   * Under {@code root}: {@code bin/run.sh} (0755), {@code data/a.txt} (0644) and its hard link
   * {@code data/b.txt}, {@code link} to {@code data/a.txt}, and the loop {@code loop1 <-> loop2}.
   */
  static Path sample(Path root) throws IOException {
    Path tree = Files.createDirectories(root.resolve("tree"));
    Files.createDirectories(tree.resolve("bin"));
    Files.createDirectories(tree.resolve("data"));
    write(tree.resolve("bin/run.sh"), "#!/bin/sh\necho hi\n", "rwxr-xr-x");
    write(tree.resolve("data/a.txt"), "alpha\n", "rw-r--r--");
    Files.createLink(tree.resolve("data/b.txt"), tree.resolve("data/a.txt"));
    Files.createSymbolicLink(tree.resolve("link"), Path.of("data/a.txt"));
    Files.createSymbolicLink(tree.resolve("loop1"), Path.of("loop2"));
    Files.createSymbolicLink(tree.resolve("loop2"), Path.of("loop1"));
    Files.setPosixFilePermissions(
        tree.resolve("bin"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        tree.resolve("data"), PosixFilePermissions.fromString("rwxr-xr-x"));
    return tree;
  }

  static void write(Path file, String content, String permissions) throws IOException {
    Files.writeString(file, content, UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
  }

  /** Sets the modification time of every regular file and directory under {@code root}. */
  static void touchAll(Path root, Instant time) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (!Files.isSymbolicLink(p)) {
          Files.setLastModifiedTime(p, FileTime.from(time));
        }
      }
    }
  }
}
