package dev.containerregistry.v1;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The annotation keys the OCI image spec predefines, and the one way this SDK writes values that
 * are references or times into JSON documents: a {@link Reference} or {@link Repository} is written
 * as the string of its fully qualified {@code name()} (read it back with {@code Reference.parse} or
 * {@code Repository.parse}); a time as RFC 3339 in UTC, as Go writes it. No JSON library type is
 * involved: annotations are plain strings.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/annotations.md">OCI
 *     annotations</a>
 */
public final class Annotations {

  /** When the image was built (RFC 3339). */
  public static final String CREATED = "org.opencontainers.image.created";

  /** Who made the image. */
  public static final String AUTHORS = "org.opencontainers.image.authors";

  /** Where to find more about the image. */
  public static final String URL = "org.opencontainers.image.url";

  /** Where its documentation is. */
  public static final String DOCUMENTATION = "org.opencontainers.image.documentation";

  /** Where its source is. */
  public static final String SOURCE = "org.opencontainers.image.source";

  /** Its version. */
  public static final String VERSION = "org.opencontainers.image.version";

  /** The source revision it was built from. */
  public static final String REVISION = "org.opencontainers.image.revision";

  /** Who distributes it. */
  public static final String VENDOR = "org.opencontainers.image.vendor";

  /** Its licenses as an SPDX expression. */
  public static final String LICENSES = "org.opencontainers.image.licenses";

  /** The name of a reference in an image layout's index (a tag). */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  /** A human-readable title. */
  public static final String TITLE = "org.opencontainers.image.title";

  /** A human-readable description. */
  public static final String DESCRIPTION = "org.opencontainers.image.description";

  /** The digest of the image this one was built on. */
  public static final String BASE_DIGEST = "org.opencontainers.image.base.digest";

  /** The reference of the image this one was built on. */
  public static final String BASE_NAME = "org.opencontainers.image.base.name";

  private Annotations() {}

  /**
   * A reference as written in JSON: its fully qualified name, e.g. {@code
   * index.docker.io/library/ubuntu:22.04}.
   */
  public static String reference(Reference reference) {
    return reference.name();
  }

  /** A repository as written in JSON: its fully qualified name. */
  public static String repository(Repository repository) {
    return repository.name();
  }

  /** A time as written in JSON: RFC 3339 in UTC, fraction trimmed, as Go writes it. */
  public static String time(Instant time) {
    return GoTime.format(time);
  }

  /**
   * The two annotations that name the base image of an image: {@link #BASE_NAME} and {@link
   * #BASE_DIGEST}.
   */
  public static Map<String, String> baseImage(Reference base, Hash digest) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(BASE_NAME, reference(base));
    out.put(BASE_DIGEST, digest.toString());
    return out;
  }
}
