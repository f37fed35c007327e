/** The sandbox's HTTP front door on Reactor Netty: body reading with limits, path decoding, routing, writing outcomes. */
@NullMarked
package dev.provisioner.sandbox.http;

import org.jspecify.annotations.NullMarked;
