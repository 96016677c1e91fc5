package dev.containerregistry.v1.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerregistry.v1.Annotations;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.partial.Partial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An OCI image layout on disk: {@code oci-layout}, {@code index.json} and {@code blobs/}, as
 * written by {@code skopeo copy … oci:DIR:ref}, BuildKit and umoci.
 *
 * <p>Writing streams each blob once into a temporary file and renames it to its digest after its
 * last byte; blobs already present are not written again; {@code index.json} is replaced by an
 * atomic rename. A crash therefore leaves blobs nothing lists (which {@link #garbageCollect()}
 * removes) but never an index naming a missing or partial blob.
 *
 * <p>Reading refuses blob paths that are symbolic links or lie outside {@code blobs/}, and verifies
 * the sha256 of every blob as it is read: a stream of a corrupt blob fails at its end instead of
 * ending cleanly.
 *
 * <p>One {@code Layout} object may be used from many threads. Two processes (or two objects)
 * writing {@code index.json} of the same layout at the same time may lose one another's entries,
 * and a garbage collection while another process writes may delete its new blobs.
 *
 * <pre>{@code
 * Layout layout = Layout.create(Path.of("out"));
 * layout.append(image, AppendOptions.refName("v1"));
 * Image back = Layout.open(Path.of("out")).image("v1");
 * }</pre>
 */
public final class Layout {

  private static final String LAYOUT_FILE = "oci-layout";
  private static final String INDEX_FILE = "index.json";
  private static final String LAYOUT_VERSION = "1.0.0";
  private static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final BlobStore blobs;
  private final BlobWriter writer;
  private final ReadWriteLock collection = new ReentrantReadWriteLock();
  private final Object indexUpdate = new Object();

  private Layout(Path root) {
    this.root = root;
    this.blobs = new BlobStore(root);
    this.writer = new BlobWriter(blobs);
  }

  /**
   * Makes a new, empty layout at {@code root} (created if missing).
   *
   * @throws IOException when {@code root} already holds a layout, or cannot be written
   */
  public static Layout create(Path root) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    if (Files.exists(dir.resolve(INDEX_FILE), LinkOption.NOFOLLOW_LINKS)
        || Files.exists(dir.resolve(LAYOUT_FILE), LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(
          "cannot create a layout at " + dir + ": it already holds one (use Layout.open)");
    }
    Files.createDirectories(dir.resolve("blobs").resolve(Hash.SHA256));
    Layout layout = new Layout(dir);
    layout.blobs.replaceFile(
        dir.resolve(LAYOUT_FILE),
        ("{\"imageLayoutVersion\":\"" + LAYOUT_VERSION + "\"}").getBytes(StandardCharsets.UTF_8));
    layout.writeIndex(IndexManifest.builder().mediaType(MediaType.OCI_IMAGE_INDEX).build());
    return layout;
  }

  /**
   * Opens the existing layout at {@code root}.
   *
   * @throws IOException when {@code root} has no {@code oci-layout} file of version 1.x or no
   *     {@code index.json}
   */
  public static Layout open(Path root) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    Layout layout = new Layout(dir);
    byte[] marker = layout.readFile(LAYOUT_FILE);
    JsonNode version;
    try {
      version = JSON.readTree(marker).path("imageLayoutVersion");
    } catch (IOException e) {
      throw new IOException("layout " + dir + ": " + LAYOUT_FILE + " is not JSON", e);
    }
    if (!version.isTextual() || !version.asText().startsWith("1.")) {
      throw new IOException(
          "layout "
              + dir
              + ": "
              + LAYOUT_FILE
              + " names imageLayoutVersion "
              + version
              + ", this SDK reads 1.x");
    }
    layout.indexManifest();
    return layout;
  }

  /** The directory of this layout. */
  public Path root() {
    return root;
  }

  /** {@code index.json} as an index whose children are read from {@code blobs/}. */
  public ImageIndex index() throws IOException {
    return Partial.index(readFile(INDEX_FILE), blobs::open);
  }

  /** The descriptors of {@code index.json}, in order. */
  public List<Descriptor> descriptors() throws IOException {
    return indexManifest().manifests();
  }

  /** The first descriptor of {@code index.json} with ref name {@code refName}, if any. */
  public Optional<Descriptor> descriptor(String refName) throws IOException {
    Objects.requireNonNull(refName, "refName");
    return descriptors().stream().filter(d -> refName.equals(refNameOf(d))).findFirst();
  }

  /**
   * The image listed in {@code index.json} with ref name {@code refName}.
   *
   * @throws IOException when no image has that ref name
   */
  public Image image(String refName) throws IOException {
    return image(named(refName, MediaType::isImage, "an image (use imageIndex)").digest());
  }

  /**
   * The index listed in {@code index.json} with ref name {@code refName}.
   *
   * @throws IOException when no index has that ref name
   */
  public ImageIndex imageIndex(String refName) throws IOException {
    return imageIndex(named(refName, MediaType::isIndex, "an index (use image)").digest());
  }

  private Descriptor named(String refName, Predicate<MediaType> kind, String expected)
      throws IOException {
    Descriptor found = named(refName);
    if (!kind.test(found.mediaType())) {
      throw new IOException(
          "layout "
              + root
              + ": ref name '"
              + refName
              + "' is a "
              + found.mediaType()
              + ", not "
              + expected);
    }
    return found;
  }

  /** The image whose manifest is the blob {@code digest}. */
  public Image image(Hash digest) throws IOException {
    return Partial.image(document(digest), blobs::open);
  }

  /** The index that is the blob {@code digest}. */
  public ImageIndex imageIndex(Hash digest) throws IOException {
    return Partial.index(document(digest), blobs::open);
  }

  /** Writes {@code image} and lists it in {@code index.json} with no ref name. */
  public Descriptor append(Image image) throws IOException {
    return append(image, AppendOptions.defaults());
  }

  /**
   * Writes {@code image}'s blobs and adds a descriptor for it to {@code index.json}.
   *
   * @return the descriptor added
   */
  public Descriptor append(Image image, AppendOptions options) throws IOException {
    return add(image, options, list -> list);
  }

  /** Writes {@code index} and lists it in {@code index.json} with no ref name. */
  public Descriptor append(ImageIndex index) throws IOException {
    return append(index, AppendOptions.defaults());
  }

  /**
   * Writes {@code index} with every child and adds a descriptor for it to {@code index.json}.
   *
   * @return the descriptor added
   */
  public Descriptor append(ImageIndex index, AppendOptions options) throws IOException {
    return add(index, options, list -> list);
  }

  /**
   * Writes {@code image} and lists it as the only entry with ref name {@code refName}: entries that
   * had that ref name are removed from {@code index.json} (their blobs stay until {@link
   * #garbageCollect()}).
   */
  public Descriptor replace(String refName, Image image) throws IOException {
    return add(image, AppendOptions.refName(refName), list -> without(list, refName));
  }

  /** As {@link #replace(String, Image)}, for an index. */
  public Descriptor replace(String refName, ImageIndex index) throws IOException {
    return add(index, AppendOptions.refName(refName), list -> without(list, refName));
  }

  /**
   * Removes every entry with ref name {@code refName} from {@code index.json}; their blobs stay
   * until {@link #garbageCollect()}.
   *
   * @return whether any entry was removed
   */
  public boolean remove(String refName) throws IOException {
    Objects.requireNonNull(refName, "refName");
    synchronized (indexUpdate) {
      IndexManifest index = indexManifest();
      List<Descriptor> kept = without(index.manifests(), refName);
      if (kept.size() == index.manifests().size()) {
        return false;
      }
      writeIndex(index.toBuilder().manifests(kept).build());
      return true;
    }
  }

  /**
   * Deletes every blob that {@code index.json} does not reach (through indexes, manifests, configs
   * and layers), and temporary files of writes that never finished.
   *
   * @return the digests of the blobs deleted
   */
  public List<Hash> garbageCollect() throws IOException {
    Lock exclusive = collection.writeLock();
    exclusive.lock();
    try {
      Set<Hash> reachable = new HashSet<>();
      for (Descriptor descriptor : descriptors()) {
        reach(descriptor, reachable);
      }
      return blobs.deleteAllBut(reachable);
    } finally {
      exclusive.unlock();
    }
  }

  /**
   * Stores the bytes of {@code in} (read to its end, not closed) as a blob, unless their sha256
   * differs from {@code digest}, in which case nothing is stored.
   */
  public void writeBlob(Hash digest, InputStream in) throws IOException {
    Lock shared = collection.readLock();
    shared.lock();
    try {
      if (!blobs.has(digest)) {
        blobs.write(in, digest, "blob " + digest);
      }
    } finally {
      shared.unlock();
    }
  }

  /** A stream of the blob {@code digest} that fails at its end if the bytes do not match. */
  public InputStream blob(Hash digest) throws IOException {
    return blobs.open(digest);
  }

  /** Whether a blob {@code digest} is stored (its bytes are not read). */
  public boolean hasBlob(Hash digest) throws IOException {
    return blobs.has(digest);
  }

  @Override
  public String toString() {
    return "Layout[" + root + "]";
  }

  private Descriptor add(
      Object imageOrIndex, AppendOptions options, UnaryOperator<List<Descriptor>> before)
      throws IOException {
    Lock shared = collection.readLock();
    shared.lock();
    try {
      Descriptor entry;
      if (imageOrIndex instanceof Image image) {
        writer.image(image);
        entry =
            decorated(
                Descriptor.of(image.mediaType(), image.size(), image.digest()),
                options,
                () -> image.configFile().platform());
      } else {
        ImageIndex index = (ImageIndex) imageOrIndex;
        writer.index(index);
        entry =
            decorated(
                Descriptor.of(index.mediaType(), index.size(), index.digest()),
                options,
                Optional::empty);
      }
      synchronized (indexUpdate) {
        IndexManifest index = indexManifest();
        List<Descriptor> manifests = new ArrayList<>(before.apply(index.manifests()));
        manifests.add(entry);
        writeIndex(index.toBuilder().manifests(manifests).build());
      }
      return entry;
    } finally {
      shared.unlock();
    }
  }

  /** Platforms of an image come from its config when the options do not name one. */
  private interface PlatformSource {
    Optional<Platform> get() throws IOException;
  }

  private static Descriptor decorated(Descriptor plain, AppendOptions options, PlatformSource own)
      throws IOException {
    return plain.toBuilder()
        .platform(
            options.platform().isPresent() ? options.platform().get() : own.get().orElse(null))
        .annotations(options.descriptorAnnotations())
        .build();
  }

  private static List<Descriptor> without(List<Descriptor> list, String refName) {
    return list.stream().filter(d -> !refName.equals(refNameOf(d))).toList();
  }

  private static @Nullable String refNameOf(Descriptor descriptor) {
    return descriptor.annotations().get(Annotations.REF_NAME);
  }

  private Descriptor named(String refName) throws IOException {
    Optional<Descriptor> found = descriptor(refName);
    if (found.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Descriptor d : descriptors()) {
        String name = refNameOf(d);
        if (name != null) {
          names.add(name);
        }
      }
      throw new IOException(
          "layout "
              + root
              + " lists nothing with ref name '"
              + refName
              + "' (it has "
              + names
              + ")");
    }
    return found.get();
  }

  private void reach(Descriptor descriptor, Set<Hash> reachable) throws IOException {
    if (!reachable.add(descriptor.digest()) || !blobs.has(descriptor.digest())) {
      return;
    }
    MediaType type = descriptor.mediaType();
    if (type.isIndex()) {
      for (Descriptor child : IndexManifest.parse(document(descriptor.digest())).manifests()) {
        reach(child, reachable);
      }
    } else if (type.isImage()) {
      Manifest manifest = Manifest.parse(document(descriptor.digest()));
      reachable.add(manifest.config().digest());
      for (Descriptor layer : manifest.layers()) {
        reachable.add(layer.digest());
      }
    }
  }

  /** A manifest or index blob, verified, refused when larger than any real one. */
  private byte[] document(Hash digest) throws IOException {
    try (InputStream in = blobs.open(digest)) {
      return bounded(in, "blob " + digest);
    }
  }

  private IndexManifest indexManifest() throws IOException {
    byte[] raw = readFile(INDEX_FILE);
    try {
      return IndexManifest.parse(raw);
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(
          "layout " + root + ": " + INDEX_FILE + " is not a valid index: " + e.getMessage(), e);
    }
  }

  private void writeIndex(IndexManifest index) throws IOException {
    blobs.replaceFile(root.resolve(INDEX_FILE), index.toJson());
  }

  private byte[] readFile(String name) throws IOException {
    Path file = root.resolve(name);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(
          "layout "
              + root
              + " has no "
              + name
              + " (or it is not a regular file): not an OCI image layout");
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return bounded(in, file.toString());
    }
  }

  /** Reads to the end, so that a verifying stream checks, refusing more than a document's limit. */
  private static byte[] bounded(InputStream in, String what) throws IOException {
    byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new IOException(what + " is larger than " + MAX_DOCUMENT_BYTES + " bytes: refused");
    }
    return bytes;
  }
}
