package dev.containerregistry.name;

import java.util.Objects;

/** The effect of a list of {@link NameOption}s: what a parser is told to accept and assume. */
record ParseSettings(boolean strict, boolean insecure, String defaultRegistry, String defaultTag) {

  static final String DEFAULT_REGISTRY = "index.docker.io";
  static final String DEFAULT_TAG = "latest";

  private static final ParseSettings DEFAULTS =
      new ParseSettings(false, false, DEFAULT_REGISTRY, DEFAULT_TAG);

  /** Applies {@code options} in order to the defaults; a later option wins over an earlier one. */
  static ParseSettings of(NameOption... options) {
    Objects.requireNonNull(options, "options");
    ParseSettings settings = DEFAULTS;
    for (NameOption option : options) {
      settings = Objects.requireNonNull(option, "option").applyTo(settings);
    }
    return settings;
  }

  ParseSettings withStrict(boolean value) {
    return new ParseSettings(value, insecure, defaultRegistry, defaultTag);
  }

  ParseSettings withInsecure() {
    return new ParseSettings(strict, true, defaultRegistry, defaultTag);
  }

  ParseSettings withDefaultRegistry(String value) {
    return new ParseSettings(strict, insecure, value, defaultTag);
  }

  ParseSettings withDefaultTag(String value) {
    return new ParseSettings(strict, insecure, defaultRegistry, value);
  }
}
