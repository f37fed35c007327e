/**
 * Dead-letter tooling: counting, showing and replaying the records on the dead-letter topic.
 */
@NullMarked
package dev.provisioner.tooling.dlt;

import org.jspecify.annotations.NullMarked;
