package dev.containerregistry.v1.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds what is on disk to an {@link EntryPlan}: one file, or a directory tree walked in name order.
 * Links are stored as links unless the settings say to follow them; then a link must stay inside
 * the tree it was found in, and a directory reached again through a link is refused as a cycle.
 * Sockets, devices, named pipes and unreadable files are refused, naming the path.
 */
final class TreeWalker {

  private final EntryPlan plan;
  private final boolean follow;

  TreeWalker(EntryPlan plan) {
    this.plan = plan;
    this.follow = plan.settings().followSymlinks();
  }

  /** Adds the file (or link) {@code source} at {@code path}. */
  void addFile(Path source, ContainerPath path, FileAttributes fileAttributes) throws IOException {
    EntryAttributes attrs = plan.attributes(fileAttributes);
    FileFacts facts = FileFacts.of(source);
    if (facts.kind() == FileFacts.Kind.SYMLINK && !follow) {
      plan.addLinkFromDisk(path, source, linkTarget(source), facts, attrs);
      return;
    }
    boolean link = facts.kind() == FileFacts.Kind.SYMLINK;
    Path real = link ? realPath(source) : source;
    FileFacts target = link ? FileFacts.of(real) : facts;
    if (target.kind() == FileFacts.Kind.DIRECTORY) {
      throw new IOException(
          "building a file layer: " + source + " is a directory; add it with directory()");
    }
    requireRegular(source, target, real);
    plan.addFromDisk(path, real, target, attrs);
  }

  /** Adds the tree under the directory {@code root} at {@code base}, {@code root} included. */
  void addTree(Path root, ContainerPath base, FileAttributes fileAttributes) throws IOException {
    EntryAttributes attrs = plan.attributes(fileAttributes);
    Path rootReal = realPath(root);
    FileFacts facts = FileFacts.of(rootReal);
    if (facts.kind() != FileFacts.Kind.DIRECTORY) {
      throw new IOException(
          "building a file layer: "
              + root
              + " is a "
              + facts.kind().description()
              + ", not a directory; add it with file()");
    }
    if (!base.isRoot()) {
      plan.addFromDisk(base, root, facts, attrs);
    }
    Set<Path> ancestors = new HashSet<>();
    ancestors.add(rootReal);
    descend(new Tree(root, rootReal, attrs), root, base, ancestors);
  }

  /** The tree being walked: where it was given, where it really is, its attributes. */
  private record Tree(Path root, Path realRoot, EntryAttributes attrs) {}

  /** An entry of a directory: its name, read once, and its path. */
  private record Child(String name, Path path) {}

  private void descend(Tree tree, Path dir, ContainerPath at, Set<Path> ancestors)
      throws IOException {
    for (Child entry : sortedChildren(dir)) {
      Path child = entry.path();
      ContainerPath path = at.child(entry.name());
      FileFacts facts = FileFacts.of(child);
      Path content = child;
      if (facts.kind() == FileFacts.Kind.SYMLINK) {
        if (!follow) {
          plan.addLinkFromDisk(path, child, linkTarget(child), facts, tree.attrs());
          continue;
        }
        content = realPath(child);
        if (!content.startsWith(tree.realRoot())) {
          throw new IOException(
              "building a file layer: the symbolic link "
                  + child
                  + " leads to "
                  + content
                  + ", outside the source tree "
                  + tree.root());
        }
        facts = FileFacts.of(content);
      }
      if (facts.kind() == FileFacts.Kind.DIRECTORY) {
        Path real = follow ? content.toRealPath() : content;
        if (!ancestors.add(real)) {
          throw new IOException(
              "building a file layer: following "
                  + child
                  + " leads back to "
                  + real
                  + ", a directory above it (a cycle of symbolic links)");
        }
        plan.addFromDisk(path, child, facts, tree.attrs());
        descend(tree, content, path, ancestors);
        ancestors.remove(real);
      } else {
        requireRegular(child, facts, content);
        plan.addFromDisk(path, content, facts, tree.attrs());
      }
    }
  }

  /** The entries of {@code dir} in name order, each name read once (not at each comparison). */
  private static List<Child> sortedChildren(Path dir) throws IOException {
    List<Child> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path child : stream) {
        children.add(new Child(child.getFileName().toString(), child));
      }
    } catch (IOException e) {
      throw new IOException(
          "building a file layer: listing the directory " + dir + " failed: " + e, e);
    }
    children.sort(Comparator.comparing(Child::name));
    return children;
  }

  private static void requireRegular(Path named, FileFacts facts, Path content) throws IOException {
    if (facts.kind() != FileFacts.Kind.REGULAR) {
      throw new IOException(
          "building a file layer: "
              + named
              + " is a "
              + facts.kind().description()
              + "; a layer holds only regular files, directories and links");
    }
    if (!Files.isReadable(content)) {
      throw new IOException("building a file layer: the file " + named + " is not readable");
    }
  }

  private static String linkTarget(Path link) throws IOException {
    return Files.readSymbolicLink(link).toString();
  }

  private static Path realPath(Path path) throws IOException {
    try {
      return path.toRealPath();
    } catch (FileSystemException e) {
      throw new IOException(
          "building a file layer: following the symbolic link "
              + path
              + " failed (a loop, or a missing target): "
              + e,
          e);
    }
  }
}
