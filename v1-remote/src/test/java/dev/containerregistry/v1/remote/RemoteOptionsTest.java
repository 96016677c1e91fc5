package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RemoteOptionsTest {

  @Test
  void defaultsAreFourJobsStreamingUploadsAndEightMibChunks() {
    RemoteOptions defaults = RemoteOptions.defaults();

    assertEquals(4, defaults.jobs());
    assertEquals(UploadMode.STREAMING, defaults.uploadMode());
    assertEquals(8 * 1024 * 1024, defaults.chunkSize());
  }

  @Test
  void refusesNonPositiveJobsAndChunkSizes() {
    assertEquals(
        "jobs must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> RemoteOptions.builder().jobs(0))
            .getMessage());
    assertEquals(
        "chunkSize must be at least 1 byte, got -5",
        assertThrows(IllegalArgumentException.class, () -> RemoteOptions.builder().chunkSize(-5))
            .getMessage());
  }

  @Test
  void toBuilderKeepsEveryOtherOption() {
    RemoteOptions changed = RemoteOptions.builder().jobs(7).uploadMode(UploadMode.CHUNKED).build();

    RemoteOptions copy = changed.toBuilder().chunkSize(1024).build();

    assertEquals(7, copy.jobs());
    assertEquals(UploadMode.CHUNKED, copy.uploadMode());
    assertEquals(1024, copy.chunkSize());
  }
}
