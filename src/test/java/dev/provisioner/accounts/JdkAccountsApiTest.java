package dev.provisioner.accounts;

import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** The {@link AccountsApi} contract, held by the JDK {@code HttpClient} implementation. */
class JdkAccountsApiTest extends AccountsApiContract {

  @Override
  AccountsApi newApi(ApiSettings settings, Clock clock) {
    return new JdkAccountsApi(settings, JsonMapper.builder().build(), clock);
  }
}
