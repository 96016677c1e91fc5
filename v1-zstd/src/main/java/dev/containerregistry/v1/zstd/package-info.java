/**
 * zstd layers: {@link dev.containerregistry.v1.zstd.Zstd} is the zstd format of v1-api's
 * compression seam, registered for {@link java.util.ServiceLoader}, so that zstd layers can be read
 * wherever gzip ones can, and written with {@code Zstd.compression(level)}.
 */
@NullMarked
package dev.containerregistry.v1.zstd;

import org.jspecify.annotations.NullMarked;
