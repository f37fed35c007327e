package dev.provisioner.accounts;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns an error response into a {@link Problem}.
 *
 * <p>A JSON object body ({@code application/problem+json}, {@code application/json}, or any body
 * starting with <code>{</code>) is read as RFC 9457 problem details: a missing {@code type} is
 * {@code about:blank}, a missing {@code title} is the status's reason phrase, and {@code status}
 * is always the HTTP status actually received. Anything else (an HTML page from a gateway, plain
 * text, an empty body) gives type {@code about:blank}, the reason phrase as title, and as detail
 * at most {@value #MAX_DETAIL} characters of the body with markup and control characters removed.
 * The API key is masked wherever it appears.
 */
final class ProblemBodies {

  static final int MAX_DETAIL = 200;
  private static final int MAX_SCANNED = 8192;
  private static final Pattern SCRIPTS =
      Pattern.compile("(?is)<(script|style)\\b.*?(</\\1\\s*>|$)");
  private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>?");
  private static final Pattern NOT_PRINTABLE = Pattern.compile("[\\p{Cntrl}\\p{Z}\\s]+");

  private final ObjectMapper mapper;
  private final ApiSettings settings;

  ProblemBodies(ObjectMapper mapper, ApiSettings settings) {
    this.mapper = mapper;
    this.settings = settings;
  }

  Problem read(int status, @Nullable String contentType, byte[] body) {
    JsonNode json = looksLikeJson(contentType, body) ? parseObject(body) : null;
    return json == null ? synthesize(status, body) : fromJson(status, json);
  }

  /** The body as a JSON object, or null when it is empty, not JSON, or not an object. */
  @Nullable JsonNode parseObject(byte[] body) {
    try {
      JsonNode node = body.length == 0 ? null : mapper.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException notJson) {
      return null;
    }
  }

  /** At most {@value #MAX_DETAIL} characters of text, without markup, controls or the key. */
  String sanitize(String text) {
    String plain = TAGS.matcher(SCRIPTS.matcher(text).replaceAll(" ")).replaceAll(" ");
    String clean = settings.redact(NOT_PRINTABLE.matcher(plain).replaceAll(" ").trim());
    return clean.length() <= MAX_DETAIL ? clean : clean.substring(0, MAX_DETAIL - 1) + "…";
  }

  static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "HTTP " + status;
    };
  }

  private Problem fromJson(int status, JsonNode json) {
    String type = text(json, "type");
    String title = text(json, "title");
    String detail = text(json, "detail");
    String instance = text(json, "instance");
    return new Problem(type == null ? "about:blank" : settings.redact(type),
        title == null ? reasonPhrase(status) : settings.redact(title), status,
        detail == null ? null : settings.redact(detail), instance == null ? null
        : settings.redact(instance));
  }

  /**
   * {@link #sanitize} of the body's first {@code maxBytes} bytes. The key is masked before the cut
   * too: cut first, a key that straddled the cut would lose its end and no longer be recognised,
   * and its first characters would be shown.
   */
  String excerpt(byte[] body, int maxBytes) {
    if (body.length <= maxBytes) {
      return sanitize(new String(body, StandardCharsets.UTF_8));
    }
    String key = settings.apiKey();
    // the key is visible ASCII, a byte a character: one that starts before the cut ends in here
    String window = new String(body, 0, Math.min(body.length, maxBytes + key.length()),
        StandardCharsets.UTF_8);
    int cut = Math.min(window.length(), new String(body, 0, maxBytes, StandardCharsets.UTF_8).length());
    int keyAt = window.lastIndexOf(key, cut - 1);
    return sanitize(window.substring(0, keyAt >= 0 ? Math.max(cut, keyAt + key.length()) : cut));
  }

  private Problem synthesize(int status, byte[] body) {
    String detail = excerpt(body, MAX_SCANNED);
    return new Problem("about:blank", reasonPhrase(status), status,
        detail.isEmpty() ? null : detail, null);
  }

  private static boolean looksLikeJson(@Nullable String contentType, byte[] body) {
    if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      return true;
    }
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }

  private static @Nullable String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
