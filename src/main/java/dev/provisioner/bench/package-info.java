/**
 * The throughput benchmark ({@code bench}): the worker against a plain listener, Confluent's
 * parallel-consumer and raw HTTP calls, each system under test in a child JVM of its own so that
 * its CPU time and heap are its own.
 */
@NullMarked
package dev.provisioner.bench;

import org.jspecify.annotations.NullMarked;
