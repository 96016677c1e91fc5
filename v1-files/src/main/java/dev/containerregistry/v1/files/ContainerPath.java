package dev.containerregistry.v1.files;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A normalized absolute path inside the image, kept as its segments. Paths order segment by
 * segment, so a directory comes right before everything under it.
 *
 * @param segments the names from the root down; empty for the root
 */
record ContainerPath(List<String> segments) implements Comparable<ContainerPath> {

  static final ContainerPath ROOT = new ContainerPath(List.of());

  ContainerPath {
    segments = List.copyOf(segments);
  }

  /**
   * Parses {@code path}: an absolute or relative path with '/' separators; repeated and trailing
   * separators are dropped.
   *
   * @throws IllegalArgumentException quoting the path, when it holds "." or "..", a NUL, or is
   *     empty
   */
  static ContainerPath parse(String path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a container path must not be empty");
    }
    List<String> names = new ArrayList<>();
    for (String name : path.split("/", -1)) {
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "container path \""
                + path.replace("\0", "\\0")
                + "\" must not contain \".\", \"..\" or NUL");
      }
      names.add(name);
    }
    return new ContainerPath(names);
  }

  /**
   * Parses a path that names an entry, so not the root.
   *
   * @throws IllegalArgumentException quoting the path, as {@link #parse} does or when it is "/"
   */
  static ContainerPath parseEntry(String path) {
    ContainerPath parsed = parse(path);
    if (parsed.isRoot()) {
      throw new IllegalArgumentException(
          "container path \"" + path + "\" names the root, which is not an entry of a layer");
    }
    return parsed;
  }

  boolean isRoot() {
    return segments.isEmpty();
  }

  ContainerPath child(String name) {
    List<String> names = new ArrayList<>(segments);
    names.add(name);
    return new ContainerPath(names);
  }

  /** The directory holding this path; null for the root. */
  @Nullable ContainerPath parent() {
    return isRoot() ? null : new ContainerPath(segments.subList(0, segments.size() - 1));
  }

  /** The last segment; "" for the root. */
  String fileName() {
    return isRoot() ? "" : segments.get(segments.size() - 1);
  }

  /** The name in the tar: relative, with a trailing '/' for a directory. */
  String tarName(boolean directory) {
    String joined = String.join("/", segments);
    return directory ? joined + "/" : joined;
  }

  @Override
  public int compareTo(ContainerPath other) {
    int common = Math.min(segments.size(), other.segments.size());
    for (int i = 0; i < common; i++) {
      int c = segments.get(i).compareTo(other.segments.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(segments.size(), other.segments.size());
  }

  /** The absolute form, for messages: {@code /app/bin}. */
  @Override
  public String toString() {
    return "/" + String.join("/", segments);
  }
}
