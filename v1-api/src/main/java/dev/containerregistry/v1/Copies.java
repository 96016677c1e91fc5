package dev.containerregistry.v1;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Immutable copies of caller-given collections for value types and builders, refusing a null
 * collection, element, key or value with a message that names the collection.
 */
public final class Copies {

  private Copies() {}

  /**
   * An unmodifiable copy of {@code values}, in order.
   *
   * @param <T> the element type
   * @param values the list
   * @param what the collection, for messages, for example {@code "the URLs of an addendum"}
   * @return the copy
   * @throws NullPointerException when the list or an element is null
   */
  public static <T> List<T> list(List<T> values, String what) {
    List<T> copy = new ArrayList<>(notNull(values, what).size());
    for (T value : values) {
      copy.add(Objects.requireNonNull(value, () -> what + " hold a null element"));
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * An unmodifiable copy of {@code values} in insertion order (for {@code toString}; writers sort
   * keys themselves).
   *
   * @param values the map
   * @param what the collection, for messages
   * @return the copy
   * @throws NullPointerException when the map, a key or a value is null
   */
  public static Map<String, String> map(Map<String, String> values, String what) {
    Map<String, String> copy = new LinkedHashMap<>();
    notNull(values, what)
        .forEach(
            (key, value) -> {
              if (key == null || value == null) {
                throw new NullPointerException(
                    what + " hold a null " + (key == null ? "key" : "value for \"" + key + "\""));
              }
              copy.put(key, value);
            });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * An unmodifiable copy of {@code values} in iteration order.
   *
   * @param values the set
   * @param what the collection, for messages
   * @return the copy
   * @throws NullPointerException when the set or an element is null
   */
  public static Set<String> set(Set<String> values, String what) {
    Set<String> copy = new LinkedHashSet<>();
    for (String value : notNull(values, what)) {
      copy.add(Objects.requireNonNull(value, () -> what + " hold a null element"));
    }
    return Collections.unmodifiableSet(copy);
  }

  private static <C> C notNull(@Nullable C values, String what) {
    if (values == null) {
      throw new NullPointerException(what + " is null");
    }
    return values;
  }
}
