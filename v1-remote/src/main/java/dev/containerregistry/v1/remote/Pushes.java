package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The write side of {@link RegistryClient}: groups the work by repository, opens one {@link Pusher}
 * for each, and waits for everything to be in place.
 */
final class Pushes {

  private Pushes() {}

  static void layer(Repository repo, Layer layer, ClientContext client) throws IOException {
    List<Repository> sources =
        layer instanceof MountableLayer mountable
            ? List.of(mountable.sourceRepository())
            : List.of();
    try (Pusher pusher = Pusher.open(repo, sources, client, ProgressTracker.of(client.options()))) {
      pusher.await(pusher.blob(layer, "layer"));
    }
  }

  static void manifest(Reference ref, MediaType mediaType, byte[] raw, ClientContext client)
      throws IOException {
    try (Pusher pusher =
        Pusher.open(ref.context(), List.of(), client, ProgressTracker.of(client.options()))) {
      pusher.manifest(ref, mediaType, raw);
    }
  }

  static void write(Map<? extends Reference, ?> todo, ClientContext client) throws IOException {
    Map<Repository, Map<Reference, Object>> byRepository = new LinkedHashMap<>();
    todo.forEach(
        (ref, value) -> {
          if (!(value instanceof Image) && !(value instanceof ImageIndex)) {
            throw new IllegalArgumentException(
                "cannot push "
                    + ref
                    + ": expected an Image or an ImageIndex, got "
                    + (value == null ? "null" : value.getClass().getName()));
          }
          byRepository.computeIfAbsent(ref.context(), r -> new LinkedHashMap<>()).put(ref, value);
        });
    ProgressTracker progress = ProgressTracker.of(client.options());
    for (Map.Entry<Repository, Map<Reference, Object>> entry : byRepository.entrySet()) {
      write(entry.getKey(), entry.getValue(), client, progress);
    }
  }

  private static void write(
      Repository repo, Map<Reference, Object> todo, ClientContext client, ProgressTracker progress)
      throws IOException {
    List<Repository> sources = new ArrayList<>();
    for (Object value : todo.values()) {
      if (value instanceof Image image) {
        sources.addAll(Pusher.mountSources(image));
      } else {
        sources.addAll(Pusher.mountSources((ImageIndex) value));
      }
    }
    try (Pusher pusher = Pusher.open(repo, sources, client, progress)) {
      List<CompletableFuture<?>> pushes = new ArrayList<>();
      todo.forEach(
          (ref, value) ->
              pushes.add(
                  value instanceof Image image
                      ? pusher.image(image, ref)
                      : pusher.index((ImageIndex) value, ref)));
      pusher.await(CompletableFuture.allOf(pushes.toArray(CompletableFuture[]::new)));
    }
  }
}
