/**
 * Image references: registries, repositories, tags and digests, parsed as go-containerregistry's
 * {@code pkg/name} parses them.
 */
@NullMarked
package dev.containerregistry.name;

import org.jspecify.annotations.NullMarked;
