package dev.containerregistry.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What a project that imports the BOM and depends on v1-remote alone gets from the installed jars. */
class InstalledJarsTest {

  @Test
  void v1RemoteBringsNameAndV1ApiAlong() {
    assertEquals("localhost:5000/app:1", Reference.parse("localhost:5000/app:1").name());
    assertEquals("sha256", Hash.sha256(new byte[0]).algorithm());
  }

  @Test
  void theDefaultUserAgentCarriesTheJarsImplementationVersion() {
    assertEquals("containerregistry-java/0.1.0-SNAPSHOT", RemoteOptions.defaults().userAgent());
  }

  @Test
  void everyJarNamesItsModule() {
    assertEquals("dev.containerregistry.name", moduleName(Reference.class));
    assertEquals("dev.containerregistry.v1", moduleName(Hash.class));
    assertEquals("dev.containerregistry.v1.remote", moduleName(RemoteOptions.class));
  }

  private static String moduleName(Class<?> type) {
    try {
      Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (JarFile file = new JarFile(jar.toFile())) {
        return file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
