/**
 * A faithful local sandbox of Moment's accounts API, with fault injection, for running, testing
 * and benchmarking the product without Moment.
 */
@NullMarked
package dev.provisioner.sandbox;

import org.jspecify.annotations.NullMarked;
