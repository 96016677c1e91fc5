package dev.containerregistry.v1.files;

import dev.containerregistry.v1.ComputedOnRead;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.compression.LayerCompression;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A layer built from directories, files, bytes and links, tarred and compressed (gzip by default)
 * as it is read: no temporary file, no cache directory, memory bounded by the number of entries
 * (not their size).
 *
 * <pre>{@code
 * Layer app = FileLayer.builder()
 *     .directory(Path.of("target/classes"), "/app/classes")
 *     .file(Path.of("run.sh"), "/app/run.sh")
 *     .build();
 * }</pre>
 *
 * <p>What is written:
 *
 * <ul>
 *   <li>Entries in container-path order, segment by segment (a directory, then everything under
 *       it). A later addition at the same path replaces the earlier one. Parent directories nobody
 *       added are written explicitly: mode 0755 and owner 0:0, unless the layer's {@link
 *       Builder#defaults defaults} set them.
 *   <li>Reproducible by default: every time is {@link #DEFAULT_MODIFICATION_TIME}, every owner 0:0
 *       with no names, whatever the building machine. Files read from disk keep their permission
 *       bits (so executable bits survive), directories too; files from bytes get 0644, other
 *       directories 0755. {@link FileAttributes} set per entry or as defaults change any of these;
 *       {@link Builder#keepModificationTimes()} keeps the times found on disk.
 *   <li>Symbolic links are stored as links, with their target as written, unless {@link
 *       Builder#followSymlinks()}; then a link leaving its source tree, a link loop and a directory
 *       cycle are refused. A file reached twice in the trees (same file key: device and inode) is
 *       stored once and then as hard links to its first entry. Sockets, devices, named pipes and
 *       unreadable files are refused, naming the path. Long names use PAX headers.
 * </ul>
 *
 * <p>Reading: building costs nothing. Each read of {@link #compressed()} walks the trees, tars,
 * compresses (gzip on {@link StreamLayer#defaultParallelism()} workers unless {@link
 * Builder#parallelism(int)} says otherwise, with the same bytes whatever their number; or the
 * format {@link Builder#compression} names) and hashes in one pass. A compressed stream dropped
 * unclosed stops its workers once it is collected. Once a compressed stream has been read to its
 * end, {@link #digest()}, {@link #diffId()} and {@link #size()} return its values; before that they
 * throw {@link NotComputedException}, as a {@link StreamLayer}'s do, so a push streams the first
 * read straight into the upload. Unlike a stream layer the layer can be read again (an upload
 * retried from byte 0, a second push): a later read fails with an {@link IOException} naming the
 * file when a file was added, removed, or changed size or modification time since the first
 * complete read.
 */
public final class FileLayer implements ComputedOnRead {

  /**
   * The modification time written when none is set: one second after the Unix epoch, {@code
   * 1970-01-01T00:00:01Z} (the time 0 is taken by some tools to mean "unset").
   */
  public static final Instant DEFAULT_MODIFICATION_TIME = Instant.ofEpochSecond(1);

  /** How one builder call adds its entries to a read's plan. */
  @FunctionalInterface
  private interface Source {
    void addTo(EntryPlan plan) throws IOException;
  }

  private final List<Source> sources;
  private final LayerSettings settings;
  private final int compressionLevel;
  private final boolean levelSet;
  private final @Nullable LayerCompression compression;
  private final int parallelism;
  private final MediaType mediaType;
  private final ReadRecord record = new ReadRecord();
  private volatile @Nullable CompressedRead latest;

  private FileLayer(Builder b) {
    this.sources = List.copyOf(b.sources);
    this.settings = new LayerSettings(b.defaults, b.keepModificationTimes, b.followSymlinks);
    this.compressionLevel = b.compressionLevel;
    this.levelSet = b.levelSet;
    this.compression = b.compression;
    this.parallelism = b.parallelism;
    MediaType type = b.mediaType;
    if (type == null) {
      type = compression == null ? MediaType.OCI_LAYER : compression.mediaType();
    }
    this.mediaType = type;
  }

  /** A builder with no entries and every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The compressed stream of the layer's tar (gzip unless {@link Builder#compression} says
   * otherwise), to be read to its end and closed. Each call walks the files again.
   *
   * @throws IOException naming the path, when a file cannot be added or changed since the first
   *     complete read
   */
  @Override
  public InputStream compressed() throws IOException {
    List<PlannedEntry> entries = plan();
    Fingerprint fingerprint = new Fingerprint(entries);
    record.requireUnchanged(fingerprint);
    StreamLayer stream = streamBuilder(TarMembers.tarOf(entries)).build();
    CompressedRead read = new CompressedRead(stream, fingerprint, record);
    latest = read;
    return read.open();
  }

  /**
   * The layer's tar. Each call walks the files again.
   *
   * @throws IOException naming the path, when a file cannot be added or changed since the first
   *     complete read
   */
  @Override
  public InputStream uncompressed() throws IOException {
    List<PlannedEntry> entries = plan();
    record.requireUnchanged(new Fingerprint(entries));
    return TarMembers.tarOf(entries);
  }

  /**
   * The sha256 of the compressed bytes.
   *
   * @throws NotComputedException until a compressed stream has been read to its end
   */
  @Override
  public Hash digest() throws IOException {
    return values("digest").digest();
  }

  /**
   * The sha256 of the tar.
   *
   * @throws NotComputedException until a compressed stream has been read to its end
   */
  @Override
  public Hash diffId() throws IOException {
    return values("DiffID").diffId();
  }

  /**
   * The number of compressed bytes.
   *
   * @throws NotComputedException until a compressed stream has been read to its end
   */
  @Override
  public long size() throws IOException {
    return values("size").size();
  }

  /** True once a compressed stream has been read to its end. */
  @Override
  public boolean computed() {
    CompressedRead read = latest;
    if (record.values() == null && read != null) {
      try {
        read.recordIfComplete();
      } catch (IOException changedSinceTheFirstRead) {
        return false; // the next read reports the change, naming the file
      }
    }
    return record.values() != null;
  }

  /** True: each read walks the files again, and a change since the first read fails it. */
  @Override
  public boolean readableAgain() {
    return true;
  }

  /**
   * The media type given to the builder; by default {@link MediaType#OCI_LAYER}, or the
   * compression's own type when one was given (for zstd {@link MediaType#OCI_LAYER_ZSTD}).
   */
  @Override
  public MediaType mediaType() {
    return mediaType;
  }

  /** The options and, once known, the digest, for logs. */
  @Override
  public String toString() {
    LayerValues values = record.values();
    return "FileLayer["
        + sources.size()
        + " sources, "
        + mediaType
        + ", "
        + (compression == null ? "gzip level " + compressionLevel : compression)
        + ", "
        + parallelism
        + (parallelism == 1 ? " worker" : " workers")
        + (values == null ? ", not read yet" : ", " + values.digest())
        + "]";
  }

  private List<PlannedEntry> plan() throws IOException {
    EntryPlan plan = new EntryPlan(settings);
    for (Source source : sources) {
      source.addTo(plan);
    }
    return plan.finish();
  }

  private LayerValues values(String what) throws IOException {
    LayerValues values = record.values();
    CompressedRead read = latest;
    if (values == null && read != null) {
      read.recordIfComplete();
      values = record.values();
    }
    if (values == null) {
      throw new NotComputedException(
          "the "
              + what
              + " of a file layer is known once its compressed stream has been read to"
              + " its end");
    }
    return values;
  }

  private StreamLayer.Builder streamBuilder(InputStream tar) {
    StreamLayer.Builder builder =
        StreamLayer.builder(tar).parallelism(parallelism).mediaType(mediaType);
    if (compression != null) {
      builder.compression(compression);
    }
    if (compression == null || levelSet) {
      builder.compressionLevel(compressionLevel);
    }
    return builder;
  }

  /**
   * The entries and options of a {@link FileLayer}. Paths inside the image ({@code containerPath})
   * are absolute or relative, with '/' separators; "." and ".." are refused. Entry methods taking
   * {@link FileAttributes} apply them to what that call adds; unset attributes fall back to the
   * {@link #defaults defaults}.
   */
  public static final class Builder {
    private final List<Source> sources = new ArrayList<>();
    private FileAttributes defaults = FileAttributes.NONE;
    private boolean keepModificationTimes;
    private boolean followSymlinks;
    private int compressionLevel = StreamLayer.DEFAULT_COMPRESSION_LEVEL;
    private boolean levelSet;
    private @Nullable LayerCompression compression;
    private int parallelism = StreamLayer.defaultParallelism();
    private @Nullable MediaType mediaType;

    private Builder() {}

    /**
     * The directory {@code source} and everything under it, at {@code containerPath} ("/" puts its
     * content at the root). Walked when the layer is read, not now.
     *
     * @throws IllegalArgumentException quoting the container path, when it is malformed
     */
    public Builder directory(Path source, String containerPath) {
      return directory(source, containerPath, FileAttributes.NONE);
    }

    /** As {@link #directory(Path, String)}, with {@code attributes} for every entry it adds. */
    public Builder directory(Path source, String containerPath, FileAttributes attributes) {
      Objects.requireNonNull(source, "source");
      ContainerPath at = ContainerPath.parse(containerPath);
      FileAttributes attrs = Objects.requireNonNull(attributes, "attributes");
      return add(plan -> new TreeWalker(plan).addTree(source, at, attrs));
    }

    /**
     * The file {@code source} at {@code containerPath}; a symbolic link is stored as a link unless
     * links are followed.
     *
     * @throws IllegalArgumentException quoting the container path, when it is malformed or "/"
     */
    public Builder file(Path source, String containerPath) {
      return file(source, containerPath, FileAttributes.NONE);
    }

    /** As {@link #file(Path, String)}, with {@code attributes}. */
    public Builder file(Path source, String containerPath, FileAttributes attributes) {
      Objects.requireNonNull(source, "source");
      ContainerPath at = ContainerPath.parseEntry(containerPath);
      FileAttributes attrs = Objects.requireNonNull(attributes, "attributes");
      return add(plan -> new TreeWalker(plan).addFile(source, at, attrs));
    }

    /**
     * A regular file holding {@code content} (copied now) at {@code containerPath}, mode 0644
     * unless set.
     */
    public Builder bytes(String containerPath, byte[] content) {
      return bytes(containerPath, content, FileAttributes.NONE);
    }

    /** As {@link #bytes(String, byte[])}, with {@code attributes}. */
    public Builder bytes(String containerPath, byte[] content, FileAttributes attributes) {
      ContainerPath at = ContainerPath.parseEntry(containerPath);
      byte[] copy = Objects.requireNonNull(content, "content").clone();
      FileAttributes attrs = Objects.requireNonNull(attributes, "attributes");
      return add(plan -> plan.addBytes(at, copy, plan.attributes(attrs)));
    }

    /** An empty directory entry at {@code containerPath}, mode 0755 unless set. */
    public Builder directoryEntry(String containerPath) {
      return directoryEntry(containerPath, FileAttributes.NONE);
    }

    /** As {@link #directoryEntry(String)}, with {@code attributes}. */
    public Builder directoryEntry(String containerPath, FileAttributes attributes) {
      ContainerPath at = ContainerPath.parseEntry(containerPath);
      FileAttributes attrs = Objects.requireNonNull(attributes, "attributes");
      return add(
          plan -> plan.addDirectory(at, plan.attributes(attrs), "directoryEntry(" + at + ")"));
    }

    /**
     * A symbolic link at {@code containerPath} to {@code target}, written as given.
     *
     * @throws IllegalArgumentException when the target is empty or holds a NUL
     */
    public Builder symlink(String containerPath, String target) {
      return symlink(containerPath, target, FileAttributes.NONE);
    }

    /** As {@link #symlink(String, String)}, with {@code attributes} (owner and time). */
    public Builder symlink(String containerPath, String target, FileAttributes attributes) {
      ContainerPath at = ContainerPath.parseEntry(containerPath);
      Objects.requireNonNull(target, "target");
      if (target.isEmpty() || target.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "the target of symbolic link " + at + " must be non-empty and hold no NUL");
      }
      FileAttributes attrs = Objects.requireNonNull(attributes, "attributes");
      return add(plan -> plan.addSymlink(at, target, plan.attributes(attrs)));
    }

    /**
     * An OCI whiteout: {@code containerPath} is deleted from the layers below (an empty file {@code
     * .wh.NAME} beside it).
     */
    public Builder whiteout(String containerPath) {
      ContainerPath at = ContainerPath.parseEntry(containerPath);
      ContainerPath marker = Objects.requireNonNull(at.parent()).child(".wh." + at.fileName());
      return add(plan -> plan.addMarker(marker, "whiteout(" + at + ")"));
    }

    /**
     * An OCI opaque whiteout: what the layers below hold under the directory {@code containerPath}
     * is hidden (an empty file {@code .wh..wh..opq} in it).
     */
    public Builder opaque(String containerPath) {
      ContainerPath at = ContainerPath.parseEntry(containerPath);
      ContainerPath marker = at.child(".wh..wh..opq");
      return add(plan -> plan.addMarker(marker, "opaque(" + at + ")"));
    }

    /** The attributes of entries that set none; see {@link FileAttributes} for the fallbacks. */
    public Builder defaults(FileAttributes attributes) {
      this.defaults = Objects.requireNonNull(attributes, "attributes");
      return this;
    }

    /**
     * Entries read from disk keep their modification times instead of the default. The layer is
     * then no longer the same on every machine.
     */
    public Builder keepModificationTimes() {
      this.keepModificationTimes = true;
      return this;
    }

    /**
     * Symbolic links on disk are followed and their targets stored, rather than the links; a link
     * that leaves its source tree, a link loop and a directory cycle are refused.
     */
    public Builder followSymlinks() {
      this.followSymlinks = true;
      return this;
    }

    /** The gzip level, 0 (stored) to 9 (smallest), as {@link StreamLayer} has it; default 1. */
    public Builder compressionLevel(int level) {
      this.compressionLevel = level;
      this.levelSet = true;
      return this;
    }

    /**
     * The format and level of the compressed stream, as {@link StreamLayer.Builder#compression} has
     * it: for example {@code Zstd.compression(3)} (module v1-zstd); default gzip at {@link
     * #compressionLevel}. The media type then defaults to the format's own.
     */
    public Builder compression(LayerCompression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /**
     * The compressing workers, 1 to 256, as {@link StreamLayer} has them; default {@link
     * StreamLayer#defaultParallelism()}. The output, so the digest, is the same whatever the number
     * (1 compresses in the reader's thread).
     */
    public Builder parallelism(int workers) {
      this.parallelism = workers;
      return this;
    }

    /**
     * The media type, a layer type of the compression's format; default {@link
     * MediaType#OCI_LAYER}, or the compression's own type when one is given.
     */
    public Builder mediaType(MediaType mediaType) {
      this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
      return this;
    }

    /**
     * The layer; nothing is read yet.
     *
     * @throws IllegalArgumentException quoting the value, when an option is out of the range a
     *     {@link StreamLayer} accepts
     */
    public FileLayer build() {
      FileLayer layer = new FileLayer(this);
      // The stream layer's builder holds the one set of rules for these options.
      layer.streamBuilder(InputStream.nullInputStream()).build();
      return layer;
    }

    private Builder add(Source source) {
      sources.add(source);
      return this;
    }
  }
}
