/** The sandbox's model of Moment's billing resources: accounts, customers, request validation and the in-memory store. */
@NullMarked
package dev.provisioner.sandbox.billing;

import org.jspecify.annotations.NullMarked;
