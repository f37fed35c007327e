package dev.provisioner.runtime;

import java.util.regex.Pattern;

/**
 * A URL as an error shows it: with its user info masked ({@code https://****@host}), for that may
 * hold a password or the API key itself ({@code https://sk_test_...@api.momentco.io}, as curl and
 * Stripe-like APIs take it), and its query and fragment masked ({@code https://host/v1?****}), for
 * those may hold it too ({@code ?api_key=sk_test_...}).
 *
 * <p>Works on the text, not on {@link java.net.URI}: the URLs shown are the ones refused, which
 * {@code URI} may not parse, or may parse without a host, and then without user info either
 * ({@code https://user:pw@api_moment.io}, whose host has an underscore).
 */
public final class UrlText {

  /**
   * An optional {@code http(s)://} or {@code http(s):}, then everything up to the last {@code @}
   * before a query or fragment. Any other scheme is masked too: in {@code user:pw@host}, {@code
   * user:} reads as one. A password may hold an unescaped {@code /}, so masking too much of a path
   * holding an {@code @} is the price of never showing too little.
   */
  private static final Pattern USER_INFO = Pattern.compile("(?i)^(https?:(?://)?)?[^?#]*@");

  /** A query or fragment, from its {@code ?} or {@code #} to the end. */
  private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("([?#]).*", Pattern.DOTALL);

  private UrlText() {
  }

  /**
   * {@code url} with everything before its host's {@code @} replaced by {@code ****}, and
   * everything after its first {@code ?} or {@code #} too.
   */
  public static String masked(String url) {
    String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("$1****@");
    return QUERY_OR_FRAGMENT.matcher(withoutUserInfo).replaceFirst("$1****");
  }
}
