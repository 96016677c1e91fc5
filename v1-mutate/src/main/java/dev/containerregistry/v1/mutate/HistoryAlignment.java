package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.History;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a config's history aligned with its layers: the entries not marked {@code empty_layer}
 * correspond, in order, to the layers.
 */
final class HistoryAlignment {

  private HistoryAlignment() {}

  /**
   * A mutable copy of {@code history} with blank entries appended until it lists {@code layerCount}
   * layers; a history that already lists as many or more is copied as is.
   */
  static List<History> padded(List<History> history, int layerCount) {
    List<History> out = new ArrayList<>(history);
    for (long i = layersListed(history); i < layerCount; i++) {
      out.add(History.builder().build());
    }
    return out;
  }

  /**
   * Refuses a history that lists more layers than {@code layerCount}.
   *
   * @param what what is being done, for the message
   */
  static void requireAtMost(List<History> history, int layerCount, String what) {
    if (layersListed(history) > layerCount) {
      throw misaligned(history, layerCount, what);
    }
  }

  /**
   * Refuses a non-empty history that does not list exactly {@code layerCount} layers.
   *
   * @param what what is being done, for the message
   */
  static void requireAligned(List<History> history, int layerCount, String what) {
    if (!history.isEmpty() && layersListed(history) != layerCount) {
      throw misaligned(history, layerCount, what);
    }
  }

  private static IllegalArgumentException misaligned(
      List<History> history, int layerCount, String what) {
    return new IllegalArgumentException(
        what
            + ": the config's history lists "
            + layersListed(history)
            + " layers (entries not marked empty_layer) but the image has "
            + layerCount);
  }

  private static long layersListed(List<History> history) {
    return history.stream().filter(h -> !h.emptyLayer()).count();
  }
}
