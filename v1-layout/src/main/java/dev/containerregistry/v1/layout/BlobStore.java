package dev.containerregistry.v1.layout;

import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.partial.VerifiedBlobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The {@code blobs/} directory of a layout: each blob a regular file named by its digest. Reads
 * refuse anything that is not a plain file inside the directory and verify the digest; writes go to
 * a temporary file in the layout root and are renamed to their digest after their last byte.
 */
final class BlobStore {

  private static final String TEMP_PREFIX = ".tmp-blob-";

  private final Path root;
  private final Path blobs;

  BlobStore(Path root) {
    this.root = root;
    this.blobs = root.resolve("blobs");
  }

  /** Where the blob {@code digest} lives (whether or not it exists). */
  Path path(Hash digest) {
    Path path = algorithmDirectory(digest).resolve(digest.hex()).normalize();
    if (!path.startsWith(blobs)) {
      throw new IllegalArgumentException(
          "blob " + digest + " would lie outside " + blobs + ": refused");
    }
    return path;
  }

  /** True when a plain file holds {@code digest} (it is not read to check it). */
  boolean has(Hash digest) throws IOException {
    try {
      plainFile(digest);
      return true;
    } catch (ContentNotFoundException e) {
      return false;
    }
  }

  /** A verifying stream of {@code digest}; the caller closes it. */
  InputStream open(Hash digest) throws IOException {
    Path path = plainFile(digest);
    return VerifiedBlobs.verify(
        Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS), digest, "blob " + path);
  }

  /** The size of {@code digest}'s file. */
  long size(Hash digest) throws IOException {
    return Files.size(plainFile(digest));
  }

  /**
   * Streams {@code in} to the end into a temporary file, then renames it to its sha256, which is
   * returned. When {@code expected} is given and the bytes hash otherwise, nothing is stored.
   */
  Hash write(InputStream in, @Nullable Hash expected, String what) throws IOException {
    ensureDirectories();
    Path temp = root.resolve(TEMP_PREFIX + UUID.randomUUID());
    try {
      Hash actual = copyHashing(in, temp);
      if (expected != null && !expected.equals(actual)) {
        throw new IOException(
            what + " has sha256 " + actual + ", not the " + expected + " it was given as");
      }
      Path target = path(actual);
      Files.createDirectories(algorithmDirectory(actual));
      moveAtomically(temp, target);
      return actual;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Deletes every blob file whose digest is not in {@code keep}, and temporary files left by writes
   * that never finished; returns the digests deleted.
   */
  List<Hash> deleteAllBut(Set<Hash> keep) throws IOException {
    List<Hash> deleted = new ArrayList<>();
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(root, TEMP_PREFIX + "*")) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
    if (!Files.isDirectory(blobs, LinkOption.NOFOLLOW_LINKS)) {
      return deleted;
    }
    try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(blobs)) {
      for (Path algorithm : algorithms) {
        if (!algorithm.getFileName().toString().equals(Hash.SHA256)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(algorithm)) {
          for (Path file : files) {
            Hash digest = asDigest(file);
            if (digest != null && !keep.contains(digest)) {
              Files.delete(file);
              deleted.add(digest);
            }
          }
        }
      }
    }
    return deleted;
  }

  /** Writes {@code bytes} to {@code target} through a temporary file and an atomic rename. */
  void replaceFile(Path target, byte[] bytes) throws IOException {
    Path temp = root.resolve(TEMP_PREFIX + UUID.randomUUID());
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      moveAtomically(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Path algorithmDirectory(Hash digest) {
    return blobs.resolve(digest.algorithm());
  }

  private void ensureDirectories() throws IOException {
    Files.createDirectories(blobs.resolve(Hash.SHA256));
  }

  private Path plainFile(Hash digest) throws IOException {
    Path path = path(digest);
    refuseLink(blobs, digest);
    refuseLink(algorithmDirectory(digest), digest);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new ContentNotFoundException(digest, "layout " + root);
    }
    if (!attributes.isRegularFile()) {
      throw new IOException(
          "blob "
              + digest
              + " in layout "
              + root
              + " is "
              + (attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file")
              + ": refused");
    }
    return path;
  }

  private void refuseLink(Path directory, Hash digest) throws IOException {
    if (Files.isSymbolicLink(directory)) {
      throw new IOException(
          "blob " + digest + ": directory " + directory + " is a symbolic link: refused");
    }
  }

  private static Hash copyHashing(InputStream in, Path temp) throws IOException {
    MessageDigest sha256 = Hash.newSha256();
    try (FileChannel channel =
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(channel)) {
      byte[] buffer = new byte[256 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha256.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      out.flush();
      channel.force(true);
    }
    return Hash.fromDigest(sha256.digest());
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
    }
  }

  private static @Nullable Hash asDigest(Path file) {
    try {
      return new Hash(Hash.SHA256, file.getFileName().toString());
    } catch (IllegalArgumentException notABlob) {
      return null;
    }
  }
}
