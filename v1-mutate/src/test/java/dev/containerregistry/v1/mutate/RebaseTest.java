package dev.containerregistry.v1.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Config;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebaseTest {

  @Test
  void theImagesOwnLayersHistoryAndConfigMoveOntoTheNewBase() throws IOException {
    Image oldBase = Randoms.image(100, 2);
    Image newBase = platform(Randoms.image(100, 3), "arm64");
    Layer own = Randoms.layer(50, MediaType.DOCKER_LAYER);
    History built = History.builder().createdBy("COPY app /app").build();
    History env = History.builder().createdBy("ENV A=1").emptyLayer(true).build();
    Image image =
        Mutate.append(
            Mutate.config(oldBase, Config.builder().env(List.of("A=1")).build()),
            Addendum.builder().layer(own).history(built).build(),
            Addendum.builder().history(env).build());

    Image rebased = Mutate.rebase(image, oldBase, newBase);

    Validate.image(rebased);
    List<Hash> expected = new ArrayList<>(digests(newBase));
    expected.add(own.digest());
    assertEquals(expected, digests(rebased));
    ConfigFile config = rebased.configFile();
    assertEquals("arm64", config.architecture());
    assertEquals(List.of("A=1"), config.config().env());
    List<History> history = config.history();
    assertEquals(newBase.configFile().history().size() + 2, history.size());
    assertEquals("COPY app /app", history.get(history.size() - 2).createdBy());
    assertEquals("ENV A=1", history.get(history.size() - 1).createdBy());
  }

  @Test
  void anImageNotBuiltOnTheOldBaseIsRefusedNamingTheLayer() throws IOException {
    Image image = Randoms.image(100, 2);
    Image other = Randoms.image(100, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Mutate.rebase(image, other, Randoms.image(10, 1)));
    assertTrue(e.getMessage().contains("layer 1"), e.getMessage());
    assertTrue(e.getMessage().contains(other.layers().get(0).digest().toString()), e.getMessage());
  }

  private static List<Hash> digests(Image image) throws IOException {
    List<Hash> digests = new ArrayList<>();
    for (Layer layer : image.layers()) {
      digests.add(layer.digest());
    }
    return digests;
  }

  private static Image platform(Image image, String architecture) throws IOException {
    return Mutate.configFile(
        image, image.configFile().toBuilder().architecture(architecture).build());
  }
}
