/** Random layers, images and indexes for tests. */
@NullMarked
package dev.containerregistry.v1.random;

import org.jspecify.annotations.NullMarked;
