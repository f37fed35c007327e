/**
 * A real single-node KRaft Kafka broker (combined broker and controller) that runs inside this
 * JVM, for the {@code broker} and {@code dev} commands and for tests. {@link
 * dev.provisioner.broker.LocalBroker} is the door; the rest is machinery.
 */
@NullMarked
package dev.provisioner.broker;

import org.jspecify.annotations.NullMarked;
