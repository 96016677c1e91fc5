package dev.containerregistry.v1.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.RootFs;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.partial.IndexCore;
import dev.containerregistry.v1.partial.Partial;
import dev.containerregistry.v1.random.Randoms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidateTest {

  private static final Hash OTHER = Hash.sha256(new byte[] {42});

  /** Makes an image that may be broken. */
  @FunctionalInterface
  interface ImageMaker {
    Image make() throws IOException;
  }

  private static Layer layer() {
    return Randoms.layer(300, MediaType.OCI_LAYER);
  }

  private static Image assembled(UnaryOperator<Manifest> change) throws IOException {
    return Assembled.image(List.of(layer(), layer()), c -> c, change);
  }

  private static Image withConfig(UnaryOperator<ConfigFile> change) throws IOException {
    return Assembled.image(List.of(layer(), layer()), change, m -> m);
  }

  private static Image withLayer(UnaryOperator<Layer> change) throws IOException {
    return Assembled.image(List.of(change.apply(layer()), layer()), c -> c, m -> m);
  }

  private static UnaryOperator<Manifest> firstLayer(UnaryOperator<Descriptor> change) {
    return m -> {
      List<Descriptor> layers = new ArrayList<>(m.layers());
      layers.set(0, change.apply(layers.get(0)));
      return m.toBuilder().layers(layers).build();
    };
  }

  private static UnaryOperator<Manifest> config(UnaryOperator<Descriptor> change) {
    return m -> m.toBuilder().config(change.apply(m.config())).build();
  }

  /** The first layer answers {@code method} with {@code lie}; everything else tells the truth. */
  private static ImageMaker firstLayerLies(String method, Lying.Answer<Layer> lie) {
    return () -> withLayer(l -> Lying.about(Layer.class, l, method, lie));
  }

  /** A random image whose {@code method} answers {@code lie}. */
  private static ImageMaker imageLies(int layers, String method, Lying.Answer<Image> lie) {
    return () -> Lying.about(Image.class, Randoms.image(10, layers), method, lie);
  }

  static Stream<Arguments> brokenImages() {
    return Stream.of(
        Arguments.of(
            "layer digest() lies",
            firstLayerLies("digest", l -> OTHER),
            "layer[0] digest: digest() vs sha256(compressed())"),
        Arguments.of(
            "manifest names another layer digest",
            (ImageMaker) () -> assembled(firstLayer(d -> d.toBuilder().digest(OTHER).build())),
            "layer[0] digest: manifest vs sha256(compressed())"),
        Arguments.of(
            "manifest gives a wrong layer size",
            (ImageMaker) () -> assembled(firstLayer(d -> d.toBuilder().size(1).build())),
            "layer[0] size: manifest vs length of compressed(): 1 != "),
        Arguments.of(
            "layer size() lies",
            firstLayerLies("size", l -> 7L),
            "layer[0] size: size() vs length of compressed(): 7 != "),
        Arguments.of(
            "manifest gives another media type",
            (ImageMaker)
                () ->
                    assembled(
                        firstLayer(d -> d.toBuilder().mediaType(MediaType.DOCKER_LAYER).build())),
            "layer[0] media type: manifest vs mediaType()"),
        Arguments.of(
            "layer diffId() lies",
            firstLayerLies("diffId", l -> OTHER),
            "layer[0] diffID: diffId() vs sha256(decompress(compressed()))"),
        Arguments.of(
            "uncompressed() is not the gunzipped blob",
            firstLayerLies("uncompressed", l -> new ByteArrayInputStream(new byte[] {1, 2})),
            "layer[0] diffID: diffId() vs sha256(uncompressed())"),
        Arguments.of(
            "config lists a wrong DiffID",
            (ImageMaker)
                () ->
                    withConfig(
                        c -> {
                          List<Hash> ids = new ArrayList<>(c.rootFs().diffIds());
                          ids.set(1, OTHER);
                          return c.toBuilder().rootFs(RootFs.of(ids)).build();
                        }),
            "layer[1] diffID: config rootfs.diff_ids vs sha256(decompress(compressed()))"),
        Arguments.of(
            "config lists fewer DiffIDs than layers",
            (ImageMaker)
                () ->
                    withConfig(
                        c ->
                            c.toBuilder()
                                .rootFs(RootFs.of(c.rootFs().diffIds().subList(0, 1)))
                                .build()),
            "layer count: manifest layers vs config rootfs.diff_ids: 2 != 1"),
        Arguments.of(
            "rootfs type is not layers",
            (ImageMaker)
                () ->
                    withConfig(
                        c ->
                            c.toBuilder().rootFs(new RootFs("flat", c.rootFs().diffIds())).build()),
            "config rootfs.type: layers != flat"),
        Arguments.of(
            "manifest names another config digest",
            (ImageMaker) () -> assembled(config(d -> d.toBuilder().digest(OTHER).build())),
            "config digest: manifest config.digest vs sha256(rawConfigFile())"),
        Arguments.of(
            "manifest gives a wrong config size",
            (ImageMaker) () -> assembled(config(d -> d.toBuilder().size(3).build())),
            "config size: manifest config.size vs length of rawConfigFile(): 3 != "),
        Arguments.of(
            "configFile() differs from the raw config",
            imageLies(1, "configFile", i -> i.configFile().toBuilder().os("plan9").build()),
            "config content: configFile() vs parse(rawConfigFile())"),
        Arguments.of(
            "digest() lies",
            imageLies(1, "digest", i -> OTHER),
            "manifest digest: digest() vs sha256(rawManifest())"),
        Arguments.of(
            "size() lies",
            imageLies(1, "size", i -> 5L),
            "manifest size: size() vs length of rawManifest(): 5 != "),
        Arguments.of(
            "manifest() differs from the raw manifest",
            imageLies(
                1, "manifest", i -> i.manifest().toBuilder().annotations(Map.of("a", "b")).build()),
            "manifest content: manifest() vs parse(rawManifest())"),
        Arguments.of(
            "layers() misses a layer",
            imageLies(2, "layers", i -> i.layers().subList(0, 1)),
            "layer count: manifest layers vs layers(): 2 != 1"),
        Arguments.of(
            "a layer cannot be read",
            firstLayerLies(
                "compressed",
                l -> {
                  throw new IOException("disk on fire");
                }),
            "disk on fire"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenImages")
  void eachKindOfMismatchIsReported(String what, ImageMaker maker, String expected)
      throws IOException {
    Image image = maker.make();
    ValidationException e = assertThrows(ValidationException.class, () -> Validate.image(image));
    assertTrue(
        e.problems().stream().anyMatch(p -> p.contains(expected)),
        "expected a problem containing \"" + expected + "\" in:\n" + e.getMessage());
  }

  @Test
  void everyProblemIsCollectedNotJustTheFirst() throws IOException {
    Image image =
        Assembled.image(
            List.of(layer(), layer()),
            c -> c.toBuilder().rootFs(new RootFs("flat", c.rootFs().diffIds())).build(),
            firstLayer(d -> d.toBuilder().size(1).build()));
    ValidationException e = assertThrows(ValidationException.class, () -> Validate.image(image));
    assertEquals(2, e.problems().size(), e.getMessage());
  }

  @Test
  void validImagesPass() throws IOException {
    Validate.image(Randoms.image(1000, 3));
    Validate.image(Empty.image());
    Validate.image(Assembled.image(List.of(layer()), c -> c, m -> m));
  }

  @Test
  void validIndexesPass() throws IOException {
    Validate.index(Randoms.index(100, 2, 3));
    Validate.index(Empty.index());
  }

  @Test
  void indexProblemsNameTheChild() throws IOException {
    Image broken = assembled(firstLayer(d -> d.toBuilder().size(1).build()));
    Descriptor wrongSize = Partial.descriptor(broken).toBuilder().size(1).build();
    byte[] raw =
        IndexManifest.builder()
            .mediaType(MediaType.OCI_IMAGE_INDEX)
            .manifests(List.of(wrongSize))
            .build()
            .toJson();
    ImageIndex index =
        Partial.index(
            new IndexCore() {
              @Override
              public byte[] rawManifest() {
                return raw;
              }

              @Override
              public Image image(Descriptor child) {
                return broken;
              }

              @Override
              public ImageIndex imageIndex(Descriptor child) {
                throw new UnsupportedOperationException();
              }
            });
    ValidationException e = assertThrows(ValidationException.class, () -> Validate.index(index));
    String at = "manifests[0] " + broken.digest();
    assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(at + " size")), e.getMessage());
    assertTrue(
        e.problems().stream().anyMatch(p -> p.startsWith(at) && p.contains("layer[0] size")),
        e.getMessage());
  }
}
