/**
 * The compression seam of layers: {@link dev.containerregistry.v1.compression.LayerCompression} is
 * one format (gzip built in, others such as zstd from modules found by {@link
 * java.util.ServiceLoader}), and {@link dev.containerregistry.v1.compression.LayerCompressions}
 * picks one by media type, for writing, or by a blob's first bytes, for reading.
 */
@NullMarked
package dev.containerregistry.v1.compression;

import org.jspecify.annotations.NullMarked;
