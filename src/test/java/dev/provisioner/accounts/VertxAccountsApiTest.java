package dev.provisioner.accounts;

import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** The {@link AccountsApi} contract, held by the Vert.x implementation. */
class VertxAccountsApiTest extends AccountsApiContract {

  @Override
  AccountsApi newApi(ApiSettings settings, Clock clock) {
    return new VertxAccountsApi(settings, JsonMapper.builder().build(), clock);
  }
}
