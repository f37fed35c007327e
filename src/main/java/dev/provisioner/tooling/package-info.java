/**
 * Operator tooling: bulk onboarding ({@code submit}) and dead-letter inspection and replay
 * ({@code dlt}). The commands in {@code cli} parse options and print; the work is here.
 */
@NullMarked
package dev.provisioner.tooling;

import org.jspecify.annotations.NullMarked;
