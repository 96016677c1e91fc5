/**
 * Layers built from files: {@link dev.containerregistry.v1.files.FileLayer} tars directories,
 * files, bytes and links in a reproducible order and compresses them as the layer is read.
 */
@NullMarked
package dev.containerregistry.v1.files;

import org.jspecify.annotations.NullMarked;
