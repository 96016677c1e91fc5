/**
 * The image object model: hashes, media types, manifests, configs, and the {@link
 * dev.containerregistry.v1.Layer}, {@link dev.containerregistry.v1.Image} and {@link
 * dev.containerregistry.v1.ImageIndex} interfaces.
 */
@NullMarked
package dev.containerregistry.v1;

import org.jspecify.annotations.NullMarked;
