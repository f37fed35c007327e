package dev.provisioner.worker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the worker writes to its log on its own: start, stop, rebalances and failed sends. */
@Configuration(proxyBeanMethods = false)
class LogConfiguration {

  /** One line, not a stack trace, when the API refuses the key (see {@link RefusedKeyLogFilter}). */
  @Bean(destroyMethod = "close")
  RefusedKeyLogFilter refusedKeyLogFilter() {
    return RefusedKeyLogFilter.install();
  }

  /** Spring Boot gives this bean to the {@code KafkaTemplate}, instead of its per-record ERROR logger. */
  @Bean
  SendFailureLog sendFailureLog() {
    return new SendFailureLog();
  }

  /** Spring Boot gives this bean to the listener container factory. */
  @Bean
  MembershipLog membershipLog() {
    return new MembershipLog();
  }

  @Bean
  ReadyLog readyLog(WorkerSettings settings) {
    return new ReadyLog(settings);
  }
}
