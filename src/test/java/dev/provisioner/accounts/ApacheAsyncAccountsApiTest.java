package dev.provisioner.accounts;

import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link AccountsApi} contract, held by the Apache HttpClient 5 async client that
 * {@link ClientBenchmark} compares with the others.
 */
class ApacheAsyncAccountsApiTest extends AccountsApiContract {

  @Override
  AccountsApi newApi(ApiSettings settings, Clock clock) {
    return new ApacheAsyncAccountsApi(settings, JsonMapper.builder().build(), clock, 64);
  }
}
