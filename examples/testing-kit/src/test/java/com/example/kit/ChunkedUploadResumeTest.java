package com.example.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Fault;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.testing.TestRegistry;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.UploadMode;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** The fault proxy drops a connection between two chunks; the chunked upload resumes. */
@RegistryTest
class ChunkedUploadResumeTest {

  @Test
  void aChunkedUploadResumesAfterTheConnectionIsLost(TestRegistry registry) throws Exception {
    byte[] tar = Randoms.image(6 << 20, 1).layers().get(0).uncompressed().readAllBytes();
    Image image =
        Mutate.appendLayers(
            Empty.image(),
            StreamLayer.builder(new ByteArrayInputStream(tar)).compressionLevel(0).build());
    RemoteOptions chunked =
        registry.options().toBuilder().uploadMode(UploadMode.CHUNKED).chunkSize(1 << 20).build();

    registry.faultProxy().inject(Fault.cutBeforeRequestAfterBytes(3 << 20));
    Remote.write(registry.proxiedReference("big:1"), image, chunked);

    assertEquals(1, registry.faultProxy().strikes());
    Reference direct = registry.reference("big:1");
    assertEquals(image.digest(), Remote.image(direct, registry.options()).digest());
  }
}
