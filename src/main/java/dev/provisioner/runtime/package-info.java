/** What every command shares to start and stop its Spring application. */
@NullMarked
package dev.provisioner.runtime;

import org.jspecify.annotations.NullMarked;
