/**
 * The one executable: a dispatcher whose first argument picks the command, and one class per
 * command. The only place that writes to standard output and standard error.
 */
@NullMarked
package dev.provisioner.cli;

import org.jspecify.annotations.NullMarked;
