package dev.provisioner.accounts;

import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** The {@link AccountsApi} contract, held by the Reactor Netty implementation. */
class ReactorNettyAccountsApiTest extends AccountsApiContract {

  @Override
  AccountsApi newApi(ApiSettings settings, Clock clock) {
    return new ReactorNettyAccountsApi(settings, JsonMapper.builder().build(), clock);
  }
}
