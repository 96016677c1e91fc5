package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.RootFs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest and config of a base image with an {@link ImageEdit} applied, with the bytes they
 * are written as. The config is rewritten only when the edit changes it; otherwise its exact bytes
 * are kept. Appended layers are asked for their digest, size and DiffID here, which throws {@code
 * NotComputedException} for a stream layer not yet consumed.
 *
 * @param manifest the new manifest
 * @param rawManifest its canonical bytes
 * @param digest the sha256 of {@code rawManifest}
 * @param rawConfig the bytes of the config blob
 * @param configFile the new config when it was rewritten; empty when the base's is kept
 * @param addedByDigest the appended layers by digest
 * @param addedByDiffId the appended layers by DiffID (image configs only)
 */
record MutationResult(
    Manifest manifest,
    byte[] rawManifest,
    Hash digest,
    byte[] rawConfig,
    Optional<ConfigFile> configFile,
    Map<Hash, Layer> addedByDigest,
    Map<Hash, Layer> addedByDiffId) {

  /** Copies the byte arrays in and out, so callers cannot change what others see. */
  MutationResult {
    rawManifest = rawManifest.clone();
    rawConfig = rawConfig.clone();
    addedByDigest = Map.copyOf(addedByDigest);
    addedByDiffId = Map.copyOf(addedByDiffId);
  }

  @Override
  public byte[] rawManifest() {
    return rawManifest.clone();
  }

  @Override
  public byte[] rawConfig() {
    return rawConfig.clone();
  }

  static MutationResult compute(Image base, ImageEdit edit) throws IOException {
    Manifest baseManifest = base.manifest();
    Descriptor baseConfig = baseManifest.config();
    MediaType configType = edit.configMediaType().orElse(baseConfig.mediaType());
    boolean imageConfig = configType.isConfig();

    List<Descriptor> layers = new ArrayList<>(baseManifest.layers());
    List<History> history = new ArrayList<>();
    List<Hash> diffIds = new ArrayList<>();
    Map<Hash, Layer> byDigest = new HashMap<>();
    Map<Hash, Layer> byDiffId = new HashMap<>();
    for (Addendum add : edit.adds()) {
      history.add(add.history());
      if (add.effectiveLayer().isEmpty()) {
        continue;
      }
      Layer layer = add.effectiveLayer().get();
      Descriptor descriptor = describe(layer, add);
      layers.add(descriptor);
      byDigest.put(descriptor.digest(), layer);
      if (imageConfig) {
        Hash diffId = layer.diffId();
        diffIds.add(diffId);
        byDiffId.put(diffId, layer);
      }
    }

    Optional<ConfigFile> configFile = Optional.empty();
    byte[] rawConfig;
    Descriptor.Builder config = baseConfig.toBuilder().mediaType(configType);
    if (edit.rewritesConfig(imageConfig)) {
      ConfigFile start =
          edit.configFile().isPresent() ? edit.configFile().get() : base.configFile();
      ConfigFile changed =
          imageConfig ? appended(start, baseManifest.layers().size(), history, diffIds) : start;
      configFile = Optional.of(changed);
      rawConfig = changed.toJson();
      config.digest(Hash.sha256(rawConfig)).size(rawConfig.length);
      if (baseConfig.data().length > 0) {
        config.data(rawConfig);
      }
    } else {
      rawConfig = base.rawConfigFile();
    }

    Map<String, String> annotations = new LinkedHashMap<>(baseManifest.annotations());
    annotations.putAll(edit.annotations());
    Manifest manifest =
        baseManifest.toBuilder()
            .mediaType(edit.mediaType().orElse(baseManifest.mediaType().orElse(null)))
            .config(config.build())
            .layers(layers)
            .annotations(annotations)
            .build();
    byte[] rawManifest = manifest.toJson();
    return new MutationResult(
        manifest, rawManifest, Hash.sha256(rawManifest), rawConfig, configFile, byDigest, byDiffId);
  }

  /** The layer's descriptor with the addendum's annotations and URLs. */
  private static Descriptor describe(Layer layer, Addendum add) throws IOException {
    return Descriptor.builder()
        .mediaType(layer.mediaType())
        .digest(layer.digest())
        .size(layer.size())
        .annotations(add.annotations())
        .urls(add.urls())
        .build();
  }

  /**
   * {@code start} with the appended history and DiffIDs. When the history lists fewer layers than
   * the base has, blank entries are added first, so that history stays aligned with the layers.
   */
  private static ConfigFile appended(
      ConfigFile start, int baseLayers, List<History> addedHistory, List<Hash> addedDiffIds) {
    List<History> history = HistoryAlignment.padded(start.history(), baseLayers);
    history.addAll(addedHistory);
    List<Hash> diffIds = new ArrayList<>(start.rootFs().diffIds());
    diffIds.addAll(addedDiffIds);
    String type = start.rootFs().type().isEmpty() ? RootFs.LAYERS : start.rootFs().type();
    return start.toBuilder().history(history).rootFs(new RootFs(type, diffIds)).build();
  }
}
