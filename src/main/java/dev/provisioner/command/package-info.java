/**
 * The message contract: commands in, replies out. Parses and validates command records against
 * {@code schemas/account-command.schema.json}, resolves message IDs, derives idempotency keys,
 * and shapes replies per {@code schemas/account-reply.schema.json}.
 */
@NullMarked
package dev.provisioner.command;

import org.jspecify.annotations.NullMarked;
