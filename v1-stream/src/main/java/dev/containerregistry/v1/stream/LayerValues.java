package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.Hash;

/**
 * What a stream layer knows once its compressed stream has been read to the end.
 *
 * @param digest the sha256 of the emitted gzip bytes
 * @param diffId the sha256 of the uncompressed input
 * @param size the number of emitted gzip bytes
 */
record LayerValues(Hash digest, Hash diffId, long size) {}
