package dev.containerregistry.v1.tarball;

import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Hash;

/** The names used inside a tarball: blob paths, the metadata files, and Docker's short tags. */
final class ArchiveNames {

  static final String MANIFEST_JSON = "manifest.json";
  static final String INDEX_JSON = "index.json";
  static final String OCI_LAYOUT = "oci-layout";
  static final String BLOBS = "blobs/sha256/";
  static final String IMAGE_NAME_ANNOTATION = "io.containerd.image.name";

  private ArchiveNames() {}

  /** {@code blobs/sha256/<hex>}. */
  static String blob(Hash digest) {
    return BLOBS + digest.hex();
  }

  /**
   * The tag as {@code docker images} shows it: no {@code index.docker.io/} and no {@code library/}
   * for Docker Hub, {@code registry/repository:tag} otherwise.
   */
  static String dockerTag(Tag tag) {
    String registry = tag.context().registry().name();
    String repository = tag.context().repositoryStr();
    if (!registry.equals("index.docker.io")) {
      return registry + "/" + repository + ":" + tag.tagStr();
    }
    String shortRepository =
        repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
    return shortRepository + ":" + tag.tagStr();
  }

  /**
   * {@code name} as an archive path after removing a leading {@code ./}; refused when absolute or
   * when a {@code ..} segment would leave the archive.
   */
  static String safePath(String name, String where) throws UnsafeArchiveException {
    String path = name.startsWith("./") ? name.substring(2) : name;
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
      throw new UnsafeArchiveException(where + " names \"" + name + "\": not a relative path");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        throw new UnsafeArchiveException(
            where + " names \"" + name + "\", which leaves the archive: refused");
      }
    }
    return path;
  }
}
