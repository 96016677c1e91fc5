package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Memo;
import dev.containerregistry.v1.partial.StaticLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An image that is its base with an {@link ImageEdit} applied, lazily: building it reads nothing;
 * the manifest and config are computed when first asked for (the layers list and media type need no
 * computation), once, and kept. A failed computation, for example a stream layer not consumed yet,
 * is tried again on the next call.
 */
final class MutatedImage implements Image {

  private final Image base;
  private final ImageEdit edit;
  private final Memo<MutationResult> result;

  MutatedImage(Image base, ImageEdit edit) {
    this.base = base;
    this.edit = edit;
    this.result = new Memo<>(() -> MutationResult.compute(base, edit));
  }

  /** The base's layers and then the appended ones; computes nothing. */
  @Override
  public List<Layer> layers() throws IOException {
    List<Layer> layers = new ArrayList<>(base.layers());
    for (Addendum add : edit.adds()) {
      add.effectiveLayer().ifPresent(layers::add);
    }
    return List.copyOf(layers);
  }

  @Override
  public MediaType mediaType() throws IOException {
    return edit.mediaType().isPresent() ? edit.mediaType().get() : base.mediaType();
  }

  @Override
  public long size() throws IOException {
    return result.get().rawManifest().length;
  }

  @Override
  public Hash configName() throws IOException {
    return result.get().manifest().config().digest();
  }

  @Override
  public ConfigFile configFile() throws IOException {
    MutationResult r = result.get();
    return r.configFile().isPresent() ? r.configFile().get() : base.configFile();
  }

  @Override
  public byte[] rawConfigFile() throws IOException {
    return result.get().rawConfig();
  }

  @Override
  public Hash digest() throws IOException {
    return result.get().digest();
  }

  @Override
  public Manifest manifest() throws IOException {
    return result.get().manifest();
  }

  @Override
  public byte[] rawManifest() throws IOException {
    return result.get().rawManifest();
  }

  /** An appended layer, the config blob, or whatever the base has under {@code digest}. */
  @Override
  public Layer layerByDigest(Hash digest) throws IOException {
    MutationResult r = result.get();
    if (r.manifest().config().digest().equals(digest)) {
      return StaticLayer.of(r.rawConfig(), r.manifest().config().mediaType());
    }
    Layer added = r.addedByDigest().get(digest);
    return added != null ? added : base.layerByDigest(digest);
  }

  /** An appended layer, or whatever the base has under {@code diffId}. */
  @Override
  public Layer layerByDiffId(Hash diffId) throws IOException {
    Layer added = result.get().addedByDiffId().get(diffId);
    return added != null ? added : base.layerByDiffId(diffId);
  }
}
