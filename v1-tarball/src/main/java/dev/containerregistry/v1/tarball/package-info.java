/**
 * Image tarballs: {@link dev.containerregistry.v1.tarball.Tarball} writes tars that {@code docker
 * load} accepts and that are also OCI archives, and reads {@code docker save} tars and OCI archives
 * lazily from a file.
 */
@NullMarked
package dev.containerregistry.v1.tarball;

import org.jspecify.annotations.NullMarked;
