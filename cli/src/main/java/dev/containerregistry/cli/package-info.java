/**
 * {@code crs}, a command-line tool over the SDK's public API: look at images in registries ({@code
 * digest}, {@code manifest}, {@code config}, {@code ls}, {@code catalog}, {@code blob}, {@code
 * validate}), change them ({@code append}, {@code mutate}, {@code flatten}, {@code rebase}, {@code
 * tag}, {@code delete}, {@code index append}), move them ({@code copy}, {@code export}) and manage
 * credentials ({@code auth}). Results go to stdout, progress and errors to stderr.
 */
@NullMarked
package dev.containerregistry.cli;

import org.jspecify.annotations.NullMarked;
