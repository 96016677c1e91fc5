/**
 * Credentials for registries: authenticators, keychains, Docker config files and credential
 * helpers.
 */
@NullMarked
package dev.containerregistry.v1.remote.authn;

import org.jspecify.annotations.NullMarked;
