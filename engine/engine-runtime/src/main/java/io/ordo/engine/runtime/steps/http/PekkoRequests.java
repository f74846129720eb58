package io.ordo.engine.runtime.steps.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpProtocols;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;

/** Translation between our request/result values and Pekko HTTP's model. */
final class PekkoRequests {

  /** Headers Pekko HTTP derives itself (from the connection and the entity). */
  private static final List<String> MANAGED =
      List.of("host", "content-length", "content-type", "transfer-encoding", "connection");

  private PekkoRequests() {}

  /**
   * The request for a connection to its host: origin-form URI, our User-Agent unless the step
   * sets one.
   *
   * @throws IllegalArgumentException for a header that cannot go on the wire, or a bad
   *     content type or method
   */
  static HttpRequest of(OutboundRequest request, String userAgent) {
    String target = (request.uri().getRawPath() == null || request.uri().getRawPath().isEmpty()
        ? "/" : request.uri().getRawPath())
        + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
    List<HttpHeader> headers = new ArrayList<>();
    boolean userAgentSet = false;
    for (Map.Entry<String, String> header : request.headers()) {
      String name = header.getKey();
      checkHeader(name, header.getValue());
      String lower = name.toLowerCase(Locale.ROOT);
      if (!MANAGED.contains(lower)) {
        headers.add(RawHeader.create(name, header.getValue()));
        userAgentSet |= lower.equals("user-agent");
      }
    }
    if (!userAgentSet) {
      headers.add(RawHeader.create("User-Agent", userAgent));
    }
    HttpRequest pekko = HttpRequest.create()
        .withMethod(HttpMethods.lookup(request.method()).orElseThrow(
            () -> new IllegalArgumentException("unsupported method " + request.method())))
        .withUri(Uri.create(target, Uri.RELAXED))
        .addHeaders(headers);
    if (request.body() != null) {
      ContentType type = request.contentType() == null ? ContentTypes.APPLICATION_JSON
          : ContentTypes.parse(request.contentType());
      pekko = pekko.withEntity(type, request.body());
    }
    return pekko;
  }

  static HttpResult.Response result(HttpResponse response, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader header : response.getHeaders()) {
      headers.merge(header.lowercaseName(), header.value(), (a, b) -> a + ", " + b);
    }
    ContentType type = response.entity().getContentType();
    String mediaType = null;
    String charset = null;
    if (!type.equals(ContentTypes.NO_CONTENT_TYPE)) {
      headers.put("content-type", type.toString());
      mediaType = type.mediaType().toString();
      charset = type.getCharsetOption().map(c -> c.nioCharset().name()).orElse(null);
    }
    if (response.entity().getContentLengthOption().isPresent()) {
      headers.put("content-length", Long.toString(body.length));
    }
    return new HttpResult.Response(response.status().intValue(), response.status().reason(),
        headers, body, mediaType, charset);
  }

  /** Whether the connection may carry another request after this response. */
  static boolean keepsAlive(HttpResponse response) {
    return response.protocol().equals(HttpProtocols.HTTP_1_1) && !containsClose(response);
  }

  private static boolean containsClose(HttpResponse response) {
    for (HttpHeader header : response.getHeaders()) {
      if (header.is("connection")
          && header.value().toLowerCase(Locale.ROOT).contains("close")) {
        return true;
      }
    }
    return false;
  }

  // Header injection guard: a template could yield CR/LF or a name that is not a token.
  private static void checkHeader(String name, String value) {
    if (name.isEmpty() || !name.chars().allMatch(PekkoRequests::isTokenChar)) {
      throw new IllegalArgumentException("invalid header name '" + name + "'");
    }
    if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new IllegalArgumentException("the value of header '" + name
          + "' contains a line break");
    }
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }
}
