/** Layers read once from a stream, compressed and hashed as they are read. */
@NullMarked
package dev.containerregistry.v1.stream;

import org.jspecify.annotations.NullMarked;
