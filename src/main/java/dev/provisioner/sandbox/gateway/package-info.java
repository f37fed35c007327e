/** What stands between a request and the billing API: authentication, idempotency, injected faults and statistics. */
@NullMarked
package dev.provisioner.sandbox.gateway;

import org.jspecify.annotations.NullMarked;
