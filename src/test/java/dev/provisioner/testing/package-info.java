/**
 * Test support shared by the integration tests: the broker they share ({@link
 * dev.provisioner.testing.TestKafka}) and the packaged executable as a child process ({@link
 * dev.provisioner.testing.JarProcess}).
 */
@NullMarked
package dev.provisioner.testing;

import org.jspecify.annotations.NullMarked;
