package dev.containerregistry.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerregistry.it.support.Skopeo;
import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB tar streamed into a layer and pushed by the demo program in its own JVM with a 128 MiB
 * heap: the layer is never held in memory, and skopeo reads back the digest the program printed.
 */
@RegistryTest
class BigStreamedPushTest {
  private static final long ONE_GIB = 1L << 30;

  @Test
  void oneGibStreamedLayerIsPushedWithA128MibHeap(RegistryContainer registry) throws Exception {
    String ref = registry.ref("big/streamed:1g");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.containerregistry.examples.PushStreamedLayer",
                    ref))
            .redirectErrorStream(true)
            .start();
    try (OutputStream stdin = child.getOutputStream()) {
      TarStreams.write(ONE_GIB, 1, stdin);
    }
    String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(10, TimeUnit.MINUTES), "child finished");
    assertEquals(0, child.exitValue(), printed);

    JsonNode manifest = new ObjectMapper().readTree(Skopeo.rawManifest(ref));
    assertEquals(field(printed, "layer"), manifest.path("layers").get(0).path("digest").asText());
    assertEquals(
        Long.parseLong(field(printed, "size").split(" ", -1)[0]),
        manifest.path("layers").get(0).path("size").asLong());
    System.out.println("[BigStreamedPushTest] " + printed.replace('\n', ' '));
  }

  private static String field(String printed, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " +(.+)$").matcher(printed);
    assertTrue(m.find(), "'" + name + "' in: " + printed);
    return m.group(1).trim();
  }
}
