package dev.provisioner.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One real sandbox per test class on a random port, reset before each test. */
abstract class SandboxTestBase {

  static Sandbox sandbox;
  static SandboxClient client;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    client = new SandboxClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    client.reset();
  }
}
