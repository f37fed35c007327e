/** What every command shares to start and stop its Spring application, and to check its broker. */
@NullMarked
package dev.provisioner.runtime;

import org.jspecify.annotations.NullMarked;
