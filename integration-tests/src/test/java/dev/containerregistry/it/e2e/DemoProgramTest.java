package dev.containerregistry.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.examples.PushStreamedLayer;
import dev.containerregistry.it.support.SkopeoCheck;
import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.validate.Validate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PushStreamedLayer example, run against registry:2 and checked by skopeo and the pull side
 * (scripts/demo now does the same job through crs, which CrsCommandsTest covers).
 */
@RegistryTest
class DemoProgramTest {

  @Test
  void demoPushesAStreamedTarThatSkopeoAndThePullSideReadBackUnchanged(RegistryContainer registry)
      throws Exception {
    byte[] tar = TarStreams.small(3 << 20, 42);
    Reference ref = Reference.parse(registry.ref("demo/streamed:latest"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    Image pushed =
        PushStreamedLayer.push(
            ref,
            new ByteArrayInputStream(tar),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    String report = printed.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("manifest  " + pushed.digest()), report);
    assertTrue(report.contains("diff id   " + Hash.sha256(tar)), report);
    SkopeoCheck.assertSkopeoSees(ref.toString(), pushed);

    Image pulled = Remote.image(ref, RemoteOptions.defaults());
    assertEquals(pushed.digest(), pulled.digest());
    assertEquals(List.of(Hash.sha256(tar)), pulled.configFile().rootFs().diffIds());
    Validate.image(pulled);
  }
}
