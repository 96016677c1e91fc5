package dev.containerregistry.it.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.remote.transport.NotFoundException;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Interrupting a push of a large stream layer to registry:2: the call returns within a second with
 * an {@link InterruptedIOException}, no SDK thread keeps uploading, and no tag is written.
 */
@RegistryTest
class InterruptedPushTest {

  /** Random bytes without end (they do not compress), counting how many were read. */
  private static InputStream endless(AtomicLong read) {
    return new FilterInputStream(Randoms.endless(3)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        read.addAndGet(n);
        return n;
      }
    };
  }

  private static boolean sdkThreadUploading() {
    return Thread.getAllStackTraces().values().stream()
        .anyMatch(
            stack ->
                Arrays.stream(stack)
                    .anyMatch(
                        f -> f.getClassName().startsWith("dev.containerregistry.v1.remote.")));
  }

  @Test
  void anInterruptedPushReturnsWithinASecondLeavesNoThreadAndNoTag(RegistryContainer registry)
      throws Exception {
    Reference ref = Reference.parse(registry.ref("interrupt/app:1"));
    AtomicLong read = new AtomicLong();
    Image image = Mutate.appendLayers(Empty.image(), StreamLayer.of(endless(read)));
    try (RegistryClient client = RegistryClient.create()) {
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  client.write(ref, image);
                  outcome.complete(null);
                } catch (Throwable e) {
                  outcome.complete(e);
                }
              },
              "pushing");
      caller.start();
      while (read.get() < 32L * 1024 * 1024) {
        Thread.sleep(20); // the upload is well under way
      }

      caller.interrupt();

      Throwable e = outcome.get(1, TimeUnit.SECONDS);
      assertTrue(e instanceof InterruptedIOException, String.valueOf(e));
      caller.join(1000);
      Thread.sleep(200);
      assertFalse(sdkThreadUploading(), "no SDK thread is still at work");
      assertThrows(NotFoundException.class, () -> client.head(ref), "no tag was written");
    }
  }
}
