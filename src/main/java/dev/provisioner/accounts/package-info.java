/**
 * The client of Moment's accounts API and its errors: outcomes say whether a retry can help.
 */
@NullMarked
package dev.provisioner.accounts;

import org.jspecify.annotations.NullMarked;
