/** Shared vocabulary of the sandbox: replies, outcomes, problem types, its JSON mapper and its movable clock. */
@NullMarked
package dev.provisioner.sandbox.core;

import org.jspecify.annotations.NullMarked;
