package dev.containerregistry.v1.files;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

  /** {@code length} bytes of numbered text lines: they compress, and not to almost nothing. */
  static byte[] pattern(int length) {
    StringBuilder text = new StringBuilder(length + 32);
    for (int line = 0; text.length() < length; line++) {
      text.append("line ").append(line * 7919L % 100_003).append('\n');
    }
    return text.substring(0, length).getBytes(UTF_8);
  }

  /** The live compressing threads of stream layers that are not among {@code known}. */
  static List<Thread> newCompressingThreads(Set<Thread> known) {
    return compressingThreads().stream().filter(t -> t.isAlive() && !known.contains(t)).toList();
  }

  /** The compressing threads of stream layers, named {@code stream-layer-gzip-N}. */
  static Set<Thread> compressingThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("stream-layer-gzip-"))
        .collect(Collectors.toSet());
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
