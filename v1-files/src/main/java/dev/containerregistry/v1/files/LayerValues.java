package dev.containerregistry.v1.files;

import dev.containerregistry.v1.Hash;

/**
 * What a file layer knows once its compressed stream has been read to the end.
 *
 * @param digest the sha256 of the gzip bytes
 * @param diffId the sha256 of the tar
 * @param size the number of gzip bytes
 */
record LayerValues(Hash digest, Hash diffId, long size) {}
