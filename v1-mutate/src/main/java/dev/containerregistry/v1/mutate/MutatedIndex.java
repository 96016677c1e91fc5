package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Memo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index that is its base with an {@link IndexEdit} applied, lazily: the index manifest is
 * computed when first asked for, once, and kept; a failed computation is tried again next time.
 */
final class MutatedIndex implements ImageIndex {

  private final ImageIndex base;
  private final IndexEdit edit;
  private final Memo<Result> result;

  /** The computed index and where its appended children are. */
  private record Result(
      IndexManifest manifest,
      byte[] raw,
      Hash digest,
      Map<Hash, Image> images,
      Map<Hash, ImageIndex> indexes) {}

  MutatedIndex(ImageIndex base, IndexEdit edit) {
    this.base = base;
    this.edit = edit;
    this.result = new Memo<>(this::compute);
  }

  @Override
  public MediaType mediaType() throws IOException {
    return edit.mediaType().isPresent() ? edit.mediaType().get() : base.mediaType();
  }

  @Override
  public Hash digest() throws IOException {
    return result.get().digest();
  }

  @Override
  public long size() throws IOException {
    return result.get().raw().length;
  }

  @Override
  public IndexManifest indexManifest() throws IOException {
    return result.get().manifest();
  }

  @Override
  public byte[] rawManifest() throws IOException {
    return result.get().raw().clone();
  }

  @Override
  public Image image(Hash digest) throws IOException {
    Image added = result.get().images().get(digest);
    return added != null ? added : base.image(digest);
  }

  @Override
  public ImageIndex imageIndex(Hash digest) throws IOException {
    ImageIndex added = result.get().indexes().get(digest);
    return added != null ? added : base.imageIndex(digest);
  }

  private Result compute() throws IOException {
    IndexManifest baseManifest = base.indexManifest();
    List<Descriptor> manifests = new ArrayList<>();
    for (Descriptor d : baseManifest.manifests()) {
      if (!edit.remove().test(d)) {
        manifests.add(d);
      }
    }
    Map<Hash, Image> images = new HashMap<>();
    Map<Hash, ImageIndex> indexes = new HashMap<>();
    for (IndexAddendum add : edit.adds()) {
      Descriptor descriptor = add.descriptor();
      manifests.add(descriptor);
      add.image().ifPresent(image -> images.put(descriptor.digest(), image));
      add.index().ifPresent(index -> indexes.put(descriptor.digest(), index));
    }
    Map<String, String> annotations = new LinkedHashMap<>(baseManifest.annotations());
    annotations.putAll(edit.annotations());
    IndexManifest manifest =
        baseManifest.toBuilder()
            .mediaType(edit.mediaType().orElse(baseManifest.mediaType().orElse(null)))
            .manifests(manifests)
            .annotations(annotations)
            .build();
    byte[] raw = manifest.toJson();
    return new Result(manifest, raw, Hash.sha256(raw), Map.copyOf(images), Map.copyOf(indexes));
  }
}
