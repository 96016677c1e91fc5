package dev.containerregistry.v1;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A pointer from a manifest or index to one blob or manifest: its media type, size and digest, with
 * optional embedded data, alternate URLs, annotations, platform and artifact type.
 *
 * @param mediaType the media type of the referenced content
 * @param size the number of bytes of the referenced content, never negative
 * @param digest the sha256 of the referenced content
 * @param data the referenced content itself, embedded; empty when absent ({@link #data()} copies)
 * @param urls where else the content may be downloaded from (foreign layers)
 * @param annotations arbitrary metadata
 * @param platform the platform of an image in an index
 * @param artifactType the type of an artifact when the descriptor points at one
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md">OCI
 *     descriptor</a>
 */
public record Descriptor(
    MediaType mediaType,
    long size,
    Hash digest,
    byte[] data,
    List<String> urls,
    Map<String, String> annotations,
    Optional<Platform> platform,
    Optional<MediaType> artifactType) {

  /** Refuses nulls and negative sizes and copies the collections. */
  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("a descriptor size cannot be negative, got " + size);
    }
    data = Objects.requireNonNull(data, "data").clone();
    urls = Copies.list(urls, "urls");
    annotations = Copies.map(annotations, "annotations");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(artifactType, "artifactType");
  }

  /** The minimal descriptor: media type, size and digest. */
  public static Descriptor of(MediaType mediaType, long size, Hash digest) {
    return builder().mediaType(mediaType).size(size).digest(digest).build();
  }

  /** A builder with no fields set; media type and digest are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this descriptor. */
  public Builder toBuilder() {
    return new Builder()
        .mediaType(mediaType)
        .size(size)
        .digest(digest)
        .data(data)
        .urls(urls)
        .annotations(annotations)
        .platform(platform.orElse(null))
        .artifactType(artifactType.orElse(null));
  }

  /** A copy of the embedded data, empty when absent. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** A copy with {@code platform} set. */
  public Descriptor withPlatform(Platform platform) {
    return toBuilder().platform(Objects.requireNonNull(platform, "platform")).build();
  }

  /** Field-wise equality, comparing {@code data} by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Descriptor d
        && mediaType.equals(d.mediaType)
        && size == d.size
        && digest.equals(d.digest)
        && Arrays.equals(data, d.data)
        && urls.equals(d.urls)
        && annotations.equals(d.annotations)
        && platform.equals(d.platform)
        && artifactType.equals(d.artifactType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        mediaType, size, digest, Arrays.hashCode(data), urls, annotations, platform, artifactType);
  }

  /** A short form for messages: media type, digest, size and any platform. */
  @Override
  public String toString() {
    return "Descriptor["
        + mediaType
        + " "
        + digest
        + " "
        + size
        + " bytes"
        + platform.map(p -> " for " + p).orElse("")
        + "]";
  }

  static Descriptor read(JsonFields in) throws MalformedDocumentException {
    return new Descriptor(
        in.requiredMediaType("mediaType"),
        in.size("size"),
        in.hash("digest"),
        in.base64("data"),
        in.strings("urls"),
        in.stringMap("annotations"),
        in.object("platform", Platform::read),
        in.mediaType("artifactType"));
  }

  void writeFields(JsonOut out) throws IOException {
    out.string("mediaType", mediaType.value());
    out.number("size", size);
    out.string("digest", digest.toString());
    out.omitEmpty("data", data);
    out.omitEmptyStrings("urls", urls);
    out.omitEmpty("annotations", annotations);
    out.omitEmpty("platform", platform, Platform::writeFields);
    out.omitEmpty("artifactType", artifactType);
  }

  /** Builds a {@link Descriptor}; unset collections are empty, unset options absent. */
  public static final class Builder {
    private @Nullable MediaType mediaType;
    private long size;
    private @Nullable Hash digest;
    private byte[] data = new byte[0];
    private List<String> urls = List.of();
    private Map<String, String> annotations = Map.of();
    private @Nullable Platform platform;
    private @Nullable MediaType artifactType;

    private Builder() {}

    /** Sets the media type of the referenced content. */
    public Builder mediaType(MediaType mediaType) {
      this.mediaType = mediaType;
      return this;
    }

    /** Sets the size in bytes. */
    public Builder size(long size) {
      this.size = size;
      return this;
    }

    /** Sets the digest. */
    public Builder digest(Hash digest) {
      this.digest = digest;
      return this;
    }

    /** Sets the embedded data (copied). */
    public Builder data(byte[] data) {
      this.data = data.clone();
      return this;
    }

    /** Sets the alternate URLs. */
    public Builder urls(List<String> urls) {
      this.urls = urls;
      return this;
    }

    /** Sets the annotations. */
    public Builder annotations(Map<String, String> annotations) {
      this.annotations = annotations;
      return this;
    }

    /** Sets the platform; null clears it. */
    public Builder platform(@Nullable Platform platform) {
      this.platform = platform;
      return this;
    }

    /** Sets the artifact type; null clears it. */
    public Builder artifactType(@Nullable MediaType artifactType) {
      this.artifactType = artifactType;
      return this;
    }

    /** The descriptor; refuses a missing media type or digest and a negative size. */
    public Descriptor build() {
      return new Descriptor(
          Objects.requireNonNull(mediaType, "mediaType"),
          size,
          Objects.requireNonNull(digest, "digest"),
          data,
          urls,
          annotations,
          Optional.ofNullable(platform),
          Optional.ofNullable(artifactType));
    }
  }
}
