package dev.provisioner.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/** One line when the worker is up: what it consumes, where it replies, which API, which port. */
final class ReadyLog implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

  private final WorkerSettings settings;

  ReadyLog(WorkerSettings settings) {
    this.settings = settings;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    log.info("worker ready: consuming {} at {} as group {}, replies to {}, API {}, health on port {}",
        settings.topics().commands(), env.getProperty("spring.kafka.bootstrap-servers"),
        env.getProperty("spring.kafka.consumer.group-id"), settings.topics().replies(),
        settings.api().baseUrl(), env.getProperty("local.server.port"));
  }
}
