package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.MediaType;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The places a mutation accepts a media type, each refusing a malformed type and the kinds that
 * cannot serve there (a layer type as a manifest's, an index type as a layer's, ...).
 */
enum MediaTypes {
  MANIFEST("the media type of an image manifest", Kind.INDEX, Kind.LAYER, Kind.CONFIG),
  INDEX("the media type of an index", Kind.IMAGE, Kind.LAYER, Kind.CONFIG),
  CONFIG("the config media type of an image", Kind.IMAGE, Kind.INDEX, Kind.LAYER),
  ADDENDUM_LAYER("the layer media type of an addendum", Kind.IMAGE, Kind.INDEX, Kind.CONFIG),
  INDEX_ADDENDUM("the media type of an index addendum", Kind.LAYER, Kind.CONFIG);

  /** {@code type/subtype} with RFC 6838 restricted names, no parameters. */
  private static final Pattern SYNTAX =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

  /** The kinds a media type can be refused for. */
  private enum Kind {
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

  private final String what;

  @SuppressWarnings("ImmutableEnumChecker") // List.of is immutable
  private final List<Kind> refused;

  MediaTypes(String what, Kind... refused) {
    this.what = what;
    this.refused = List.of(refused);
  }

  /**
   * Returns {@code type} when it is {@code type/subtype} and of none of the kinds refused here.
   *
   * @throws NullPointerException naming this use when {@code type} is null
   * @throws IllegalArgumentException quoting the media type otherwise
   */
  MediaType require(MediaType type) {
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
