/**
 * Bulk onboarding: a CSV or NDJSON file streamed into validated commands, sent with deterministic
 * message IDs, replies awaited and written to a report.
 */
@NullMarked
package dev.provisioner.tooling.submit;

import org.jspecify.annotations.NullMarked;
