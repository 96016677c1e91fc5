package dev.containerregistry.v1.remote;

/**
 * How blob data is sent to the registry.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-blobs">
 *     OCI distribution spec: pushing blobs</a>
 */
public enum UploadMode {
  /**
   * One {@code PATCH} with chunked transfer encoding carrying the whole blob, nothing buffered. The
   * default: every registry supports it and it costs one round trip. A failure mid-blob restarts
   * the blob from its first byte when the layer can be read again, and fails the push for a stream
   * layer (which cannot).
   */
  STREAMING,
  /**
   * {@code PATCH} requests of {@code chunkSize} bytes with {@code Content-Range}, the current chunk
   * kept in memory. After a dropped connection, a 5xx, a 408 or 429, or an expired token (401) the
   * upload's offset is asked of the registry and the upload resumes there, so even a stream layer
   * survives. Costs one round trip per chunk.
   */
  CHUNKED
}
