package dev.provisioner.accounts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * RFC 9457 problem details, as Moment's API answers errors and as replies carry them.
 *
 * <p>{@code type} is a URI; Moment's are {@code https://api.momentco.io/docs/errors#<fragment>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, @Nullable String detail,
    @Nullable String instance) {

  /** The base of the type URIs of Moment's problems; a fragment names the problem. */
  public static final String TYPE_BASE = "https://api.momentco.io/docs/errors#";

  public static Problem of(String fragment, String title, int status, @Nullable String detail) {
    return new Problem(TYPE_BASE + fragment, title, status, detail, null);
  }

  /** The fragment of a Moment type URI ({@code not-found}), or the whole type otherwise. */
  public String fragment() {
    int hash = type.indexOf('#');
    return hash < 0 ? type : type.substring(hash + 1);
  }
}
