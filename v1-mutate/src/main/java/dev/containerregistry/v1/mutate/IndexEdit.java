package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.Copies;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a {@link MutatedIndex} changes in its base; every part is optional. Removal happens before
 * appending.
 *
 * @param remove the base's descriptors to drop
 * @param adds images and indexes appended after the base's remaining descriptors
 * @param annotations annotations added to (and overriding) the base's
 * @param mediaType the index media type instead of the base's
 */
record IndexEdit(
    Predicate<Descriptor> remove,
    List<IndexAddendum> adds,
    Map<String, String> annotations,
    Optional<MediaType> mediaType) {

  IndexEdit {
    adds = List.copyOf(adds);
    annotations = Copies.map(annotations, "the annotations of an index");
  }

  static IndexEdit append(List<IndexAddendum> adds) {
    return new IndexEdit(d -> false, adds, Map.of(), Optional.empty());
  }

  static IndexEdit remove(Predicate<Descriptor> remove) {
    return new IndexEdit(remove, List.of(), Map.of(), Optional.empty());
  }

  static IndexEdit annotations(Map<String, String> annotations) {
    return new IndexEdit(d -> false, List.of(), annotations, Optional.empty());
  }

  static IndexEdit mediaType(MediaType mediaType) {
    return new IndexEdit(d -> false, List.of(), Map.of(), Optional.of(mediaType));
  }
}
