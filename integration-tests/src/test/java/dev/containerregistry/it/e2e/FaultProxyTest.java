package dev.containerregistry.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.RegistryContainer;
import dev.containerregistry.it.RegistryExtension;
import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.it.support.TcpProxy;
import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.UploadMode;
import dev.containerregistry.v1.stream.StreamLayer;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A proxy of our own between the client and registry:2 cuts the connection once in the middle of a
 * streamed layer's upload: the resumable (chunked) mode asks the registry where the upload stands
 * and finishes the push; the single-PATCH mode fails clearly and leaves no tag behind.
 */
@ExtendWith(RegistryExtension.class)
class FaultProxyTest {
  private static final int LAYER_BYTES = 12 << 20;
  private static final int CUT_AFTER = 5 << 20;

  @Test
  void chunkedUploadResumesAfterTheConnectionIsCutMidLayer(RegistryContainer registry)
      throws Exception {
    try (TcpProxy proxy = proxyTo(registry)) {
      Reference viaProxy = Reference.parse(proxy.hostPort() + "/fault/chunked:1");
      Image image = streamedImage();
      RemoteOptions chunked =
          RemoteOptions.builder().uploadMode(UploadMode.CHUNKED).chunkSize(1 << 20).build();

      proxy.cutOnceAtNextRequestAfter(CUT_AFTER);
      Remote.write(viaProxy, image, chunked);

      assertTrue(proxy.hasCut(), "the proxy cut a connection during the push");
      Image pulled =
          Remote.image(Reference.parse(registry.ref("fault/chunked:1")), RemoteOptions.defaults());
      assertEquals(image.digest(), pulled.digest());
      Validate.image(pulled);
    }
  }

  @Test
  void singlePatchUploadFailsClearlyAndLeavesNoTag(RegistryContainer registry) throws Exception {
    try (TcpProxy proxy = proxyTo(registry)) {
      Reference viaProxy = Reference.parse(proxy.hostPort() + "/fault/streaming:1");
      RemoteOptions streaming = RemoteOptions.builder().uploadMode(UploadMode.STREAMING).build();

      proxy.cutOnceMidRequestAfter(CUT_AFTER);
      IOException e =
          assertThrows(IOException.class, () -> Remote.write(viaProxy, streamedImage(), streaming));

      assertTrue(proxy.hasCut());
      assertTrue(e.getMessage().contains("fault/streaming"), e.getMessage());
      HttpResponse<Void> tag =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(registry.baseUri() + "/v2/fault/streaming/manifests/1"))
                      .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                      .method("HEAD", HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertEquals(404, tag.statusCode(), "no tag was written");
    }
  }

  private static TcpProxy proxyTo(RegistryContainer registry) throws IOException {
    return new TcpProxy(registry.container().getHost(), registry.container().getMappedPort(5000));
  }

  private static Image streamedImage() {
    return Mutate.appendLayers(
        Empty.image(),
        StreamLayer.builder(TarStreams.of(LAYER_BYTES, 5)).compressionLevel(0).build());
  }
}
