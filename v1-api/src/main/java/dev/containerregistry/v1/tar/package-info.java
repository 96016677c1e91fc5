/**
 * Tar archives as layers hold them: {@link dev.containerregistry.v1.tar.TarEntry} headers, a {@link
 * dev.containerregistry.v1.tar.TarStream} that produces an archive as it is read, a {@link
 * dev.containerregistry.v1.tar.TarWriter} that writes one to an output stream, and a {@link
 * dev.containerregistry.v1.tar.TarReader} that reads one back, refusing malformed input.
 */
@NullMarked
package dev.containerregistry.v1.tar;

import org.jspecify.annotations.NullMarked;
