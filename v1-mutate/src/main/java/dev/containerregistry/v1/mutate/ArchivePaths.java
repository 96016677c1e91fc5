package dev.containerregistry.v1.mutate;

import java.util.ArrayDeque;
import java.util.Deque;

/** Slash-separated archive paths: lexical cleaning (as Go's {@code path.Clean}) and parts. */
final class ArchivePaths {

  private ArchivePaths() {}

  /**
   * The shortest equivalent path: repeated slashes, {@code .} and inner {@code ..} removed, no
   * trailing slash; {@code "."} for the empty path. A leading {@code ..} stays, a leading slash
   * stays.
   */
  static String clean(String path) {
    boolean absolute = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (!part.equals("..")) {
        parts.addLast(part);
      } else if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else if (!absolute) {
        parts.addLast(part);
      }
    }
    String joined = String.join("/", parts);
    if (absolute) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /**
   * True when {@code name}, cleaned, would land outside the directory an archive is unpacked into:
   * above it ({@code ../x}), absolute ({@code /etc/passwd}), or Windows-rooted ({@code \x}, {@code
   * C:x}).
   */
  static boolean escapesRoot(String name) {
    String cleaned = clean(name.replace('\\', '/'));
    return cleaned.equals("..")
        || cleaned.startsWith("../")
        || cleaned.startsWith("/")
        || hasDriveLetter(cleaned);
  }

  /** True when a link target, resolved from the directory of {@code name}, leaves the root. */
  static boolean linkEscapesRoot(String name, String target) {
    String cleaned = clean(target.replace('\\', '/'));
    if (cleaned.startsWith("/")) {
      return false;
    }
    return hasDriveLetter(cleaned) || escapesRoot(parent(name) + "/" + cleaned);
  }

  /** The directory part of a cleaned path: {@code "."} for a top-level name. */
  static String parent(String cleaned) {
    int slash = cleaned.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    return slash == 0 ? "/" : cleaned.substring(0, slash);
  }

  /** The last element of a cleaned path. */
  static String base(String cleaned) {
    return cleaned.substring(cleaned.lastIndexOf('/') + 1);
  }

  /** {@code dir/name}, cleaned. */
  static String join(String dir, String name) {
    return clean(dir + "/" + name);
  }

  private static boolean hasDriveLetter(String path) {
    return path.length() >= 2
        && path.charAt(1) == ':'
        && ((path.charAt(0) >= 'a' && path.charAt(0) <= 'z')
            || (path.charAt(0) >= 'A' && path.charAt(0) <= 'Z'));
  }
}
