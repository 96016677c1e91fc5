package dev.containerregistry.v1.files;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A normalized absolute path inside the image, kept as its parent and its last name, so that the
 * paths of a tree share what they have in common (a child costs one small object, its parent
 * nothing). Paths order segment by segment, so a directory comes right before everything under it.
 */
final class ContainerPath implements Comparable<ContainerPath> {

  static final ContainerPath ROOT = new ContainerPath(null, "");

  private final @Nullable ContainerPath parent;
  private final String name;
  private final int depth;
  private final int hash;

  private ContainerPath(@Nullable ContainerPath parent, String name) {
    this.parent = parent;
    this.name = name;
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.hash = parent == null ? 0 : 31 * parent.hash + name.hashCode();
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
    ContainerPath parsed = ROOT;
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
      parsed = parsed.child(name);
    }
    return parsed;
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
    return parent == null;
  }

  ContainerPath child(String name) {
    return new ContainerPath(this, name);
  }

  /** The directory holding this path; null for the root. */
  @Nullable ContainerPath parent() {
    return parent;
  }

  /** The last segment; "" for the root. */
  String fileName() {
    return name;
  }

  /** The name in the tar: relative, with a trailing '/' for a directory. */
  String tarName(boolean directory) {
    StringBuilder out = new StringBuilder(64);
    appendRelative(out);
    return directory ? out.append('/').toString() : out.toString();
  }

  /** Orders segment by segment, from the root down; a path comes before those under it. */
  @Override
  public int compareTo(ContainerPath other) {
    if (depth > other.depth) {
      int c = Objects.requireNonNull(parent).compareTo(other);
      return c != 0 ? c : 1;
    }
    if (depth < other.depth) {
      int c = compareTo(Objects.requireNonNull(other.parent));
      return c != 0 ? c : -1;
    }
    return compareAtSameDepth(other);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ContainerPath other
        && hash == other.hash
        && depth == other.depth
        && compareAtSameDepth(other) == 0;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The absolute form, for messages: {@code /app/bin}. */
  @Override
  public String toString() {
    if (isRoot()) {
      return "/";
    }
    StringBuilder out = new StringBuilder(64).append('/');
    appendRelative(out);
    return out.toString();
  }

  private int compareAtSameDepth(ContainerPath other) {
    if (parent == null || other.parent == null) {
      return 0; // both the root
    }
    int c = parent.compareAtSameDepth(other.parent);
    return c != 0 ? c : name.compareTo(other.name);
  }

  private void appendRelative(StringBuilder out) {
    if (parent == null) {
      return;
    }
    if (!parent.isRoot()) {
      parent.appendRelative(out);
      out.append('/');
    }
    out.append(name);
  }
}
