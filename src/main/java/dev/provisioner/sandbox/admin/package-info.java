/** The JSON admin API under {@code /_sandbox/} that tests and demos use to reset, inspect and inject faults. */
@NullMarked
package dev.provisioner.sandbox.admin;

import org.jspecify.annotations.NullMarked;
