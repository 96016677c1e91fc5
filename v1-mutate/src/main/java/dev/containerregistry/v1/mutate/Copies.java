package dev.containerregistry.v1.mutate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies of caller-given collections, refusing nulls with a message that says where. */
final class Copies {

  private Copies() {}

  /**
   * @param what the collection, for example {@code "the annotations of an addendum"}
   */
  static Map<String, String> map(Map<String, String> values, String what) {
    if (values == null) {
      throw new NullPointerException(what + " is null");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach(
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
   * @param what the collection, for example {@code "the URLs of an addendum"}
   */
  static List<String> list(List<String> values, String what) {
    if (values == null) {
      throw new NullPointerException(what + " is null");
    }
    List<String> copy = new ArrayList<>(values.size());
    for (String value : values) {
      if (value == null) {
        throw new NullPointerException(what + " hold a null element");
      }
      copy.add(value);
    }
    return Collections.unmodifiableList(copy);
  }
}
