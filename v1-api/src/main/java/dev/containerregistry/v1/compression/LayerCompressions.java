package dev.containerregistry.v1.compression;

import dev.containerregistry.v1.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The layer compression formats this JVM has: gzip, then those found by {@link ServiceLoader} (on
 * first use, once per JVM). A format is chosen by media type when a layer is written and by the
 * blob's first bytes when it is read (tools do not always label layers right).
 */
public final class LayerCompressions {

  /** Formats the SDK ships in modules of their own, by name: the module that provides each. */
  private static final Map<String, String> MODULES =
      Map.of("zstd", "dev.containerregistry:v1-zstd");

  /** zstd's magic, to name the missing module when a zstd blob is read without it. */
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  private static final String DOCKER_GZIP_SUFFIX = ".tar.gzip";

  private static volatile @Nullable List<LayerCompression> available;

  private LayerCompressions() {}

  /** gzip first, then every format found by {@link ServiceLoader}, in the order found. */
  public static List<LayerCompression> available() {
    List<LayerCompression> known = available;
    if (known == null) {
      known = load();
    }
    return known;
  }

  /** The format called {@code name} (case-insensitive), at its default level, if there is one. */
  public static Optional<LayerCompression> named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return available().stream().filter(c -> c.name().equals(wanted)).findFirst();
  }

  /**
   * The name of the format a layer media type declares: what follows its last {@code +} ({@code
   * application/vnd.oci.image.layer.v1.tar+zstd} is "zstd"), "gzip" for Docker's {@code .tar.gzip}
   * types, empty for a plain tar or a type that names none.
   */
  public static Optional<String> formatOf(MediaType mediaType) {
    String type = mediaType.value().toLowerCase(Locale.ROOT);
    int plus = type.lastIndexOf('+');
    if (plus >= 0 && plus < type.length() - 1) {
      return Optional.of(type.substring(plus + 1));
    }
    return type.endsWith(DOCKER_GZIP_SUFFIX) ? Optional.of(GzipCompression.NAME) : Optional.empty();
  }

  /**
   * The format {@code mediaType} declares, at its default level; empty when it declares none.
   *
   * @throws UnsupportedCompressionException when it declares a format this JVM does not have,
   *     naming the module to add
   */
  public static Optional<LayerCompression> forMediaType(MediaType mediaType)
      throws UnsupportedCompressionException {
    Optional<String> format = formatOf(mediaType);
    if (format.isEmpty()) {
      return Optional.empty();
    }
    Optional<LayerCompression> found = named(format.get());
    if (found.isEmpty()) {
      throw missing(format.get(), "media type " + mediaType);
    }
    return found;
  }

  /**
   * The format a new layer of {@code mediaType} is written in, at its default level: the one the
   * type names, gzip when it names none (a plain tar type included, as the SDK has always done).
   *
   * @throws UnsupportedCompressionException when it names a format this JVM does not have, naming
   *     the module to add
   */
  public static LayerCompression forWriting(MediaType mediaType)
      throws UnsupportedCompressionException {
    return forMediaType(mediaType).orElseGet(LayerCompression::gzip);
  }

  /**
   * The format whose magic {@code head}, the first bytes of a blob, begins with; empty for a blob
   * of no known format (a plain tar).
   *
   * @param head at least {@link #magicLength()} bytes, or the whole blob when it is shorter
   * @param subject what is read, for the message ("layer sha256:…")
   * @throws UnsupportedCompressionException when the blob is zstd and this JVM has no zstd, naming
   *     the module to add
   */
  public static Optional<LayerCompression> detect(byte[] head, String subject)
      throws UnsupportedCompressionException {
    for (LayerCompression compression : available()) {
      if (startsWith(head, compression.magic())) {
        return Optional.of(compression);
      }
    }
    if (startsWith(head, ZSTD_MAGIC)) {
      throw missing("zstd", subject);
    }
    return Optional.empty();
  }

  /** The number of first bytes {@link #detect} needs: the longest magic of any format. */
  public static int magicLength() {
    int length = ZSTD_MAGIC.length;
    for (LayerCompression compression : available()) {
      length = Math.max(length, compression.magic().length);
    }
    return length;
  }

  private static synchronized List<LayerCompression> load() {
    List<LayerCompression> known = available;
    if (known == null) {
      List<LayerCompression> found = new ArrayList<>();
      found.add(LayerCompression.gzip());
      for (LayerCompression plugin : ServiceLoader.load(LayerCompression.class)) {
        if (plugin.magic().length == 0) {
          throw new IllegalStateException(
              "the layer compression " + plugin.getClass().getName() + " declares no magic bytes");
        }
        found.add(plugin);
      }
      known = List.copyOf(found);
      available = known;
    }
    return known;
  }

  private static UnsupportedCompressionException missing(String format, String subject) {
    String module = MODULES.get(format);
    return new UnsupportedCompressionException(
        subject
            + " is "
            + format
            + "-compressed, and no layer compression named '"
            + format
            + "' is on the class path"
            + (module == null ? "" : ": add the module " + module));
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length
        && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }
}
