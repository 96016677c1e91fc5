package dev.containerregistry.name;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An option for the {@code parse} methods of {@link Reference}, {@link Registry}, {@link
 * Repository}, {@link Tag} and {@link Digest}. Without options parsing is weak, secure, defaults
 * the registry to {@code index.docker.io} and the tag to {@code latest}. When options contradict
 * each other the later one wins.
 */
public final class NameOption {

  private final String description;
  private final UnaryOperator<ParseSettings> change;

  private NameOption(String description, UnaryOperator<ParseSettings> change) {
    this.description = description;
    this.change = change;
  }

  /**
   * Strict validation: the registry, the full repository path (with {@code library/} on Docker Hub)
   * and the tag must all be written out.
   */
  public static NameOption strict() {
    return new NameOption("strict", s -> s.withStrict(true));
  }

  /**
   * Weak validation, the default: the registry, the {@code library/} namespace and the tag may be
   * left out and are filled in from the defaults.
   */
  public static NameOption weak() {
    return new NameOption("weak", s -> s.withStrict(false));
  }

  /** The registry is spoken to over plain HTTP: {@link Registry#scheme()} returns {@code http}. */
  public static NameOption insecure() {
    return new NameOption("insecure", ParseSettings::withInsecure);
  }

  /**
   * The registry assumed when a reference names none (instead of {@code index.docker.io}).
   *
   * @param registry a {@code host[:port]} that is {@code localhost} or contains a {@code .} or a
   *     {@code :}, so that names built with it parse back to the same registry
   * @throws BadNameException if {@code registry} is not of that form
   */
  public static NameOption defaultRegistry(String registry) {
    Objects.requireNonNull(registry, "registry");
    Registry.checkAuthority(registry, registry);
    if (!Registry.looksLikeHost(registry)) {
      throw new BadNameException(
          "a default registry must be 'localhost' or contain a '.' or a ':'", registry);
    }
    return new NameOption(
        "defaultRegistry(" + registry + ")", s -> s.withDefaultRegistry(registry));
  }

  /**
   * The tag assumed when a reference names none (instead of {@code latest}).
   *
   * @throws BadNameException if {@code tag} breaks the rules for tags
   */
  public static NameOption defaultTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    ElementRules.checkTag(tag, tag);
    return new NameOption("defaultTag(" + tag + ")", s -> s.withDefaultTag(tag));
  }

  ParseSettings applyTo(ParseSettings settings) {
    return change.apply(settings);
  }

  /** The option as written in code, for example {@code defaultTag(stable)}. */
  @Override
  public String toString() {
    return description;
  }
}
