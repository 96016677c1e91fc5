/**
 * Lazy changes to images and indexes: append layers, edit the config, annotations, media types and
 * times, extract the filesystem.
 */
@NullMarked
package dev.containerregistry.v1.mutate;

import org.jspecify.annotations.NullMarked;
