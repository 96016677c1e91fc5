package dev.containerregistry.v1.remote;

import java.util.concurrent.ExecutorService;

/**
 * What every operation of one {@link RegistryClient} works with: its options, its transports (over
 * its registry cache) and its worker pool.
 *
 * @param options the client's options
 * @param transports authenticated transports sharing the client's cache
 * @param workers the client's bounded pool for blob transfers
 */
record ClientContext(RemoteOptions options, RemoteTransports transports, ExecutorService workers) {}
