package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.MediaType;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks that a media type given to a mutation is well formed and of the right kind. */
final class MediaTypes {

  /** {@code type/subtype} with RFC 6838 restricted names, no parameters. */
  private static final Pattern SYNTAX =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

  /** The kinds a media type can be refused for. */
  enum Kind {
    IMAGE("an image manifest"),
    INDEX("an index"),
    LAYER("a layer"),
    CONFIG("an image config");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    boolean matches(MediaType type) {
      return switch (this) {
        case IMAGE -> type.isImage() || type.isSchema1();
        case INDEX -> type.isIndex();
        case LAYER -> type.isLayer();
        case CONFIG -> type.isConfig();
      };
    }
  }

  private MediaTypes() {}

  /**
   * Returns {@code type} when it is {@code type/subtype} and none of {@code refused}.
   *
   * @param what what the media type is for, for example {@code "the media type of addendum 2"}
   * @throws IllegalArgumentException quoting the media type otherwise
   */
  static MediaType require(MediaType type, String what, Kind... refused) {
    Objects.requireNonNull(type, what);
    if (!SYNTAX.matcher(type.value()).matches()) {
      throw new IllegalArgumentException(
          what + " \"" + type + "\" is not a media type of the form type/subtype");
    }
    for (Kind kind : refused) {
      if (kind.matches(type)) {
        throw new IllegalArgumentException(
            what + " \"" + type + "\" is the media type of " + kind.description);
      }
    }
    return type;
  }
}
