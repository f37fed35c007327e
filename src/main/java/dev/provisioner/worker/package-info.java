/**
 * The worker: consumes commands, calls the API through a circuit breaker, publishes one reply per
 * command and dead-letters what cannot be handled, all in one Kafka transaction per batch.
 */
@NullMarked
package dev.provisioner.worker;

import org.jspecify.annotations.NullMarked;
