package io.ordo.engine.runtime.steps.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a WEBHOOK_CALL, Stripe-style: {@code X-Ordo-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256(secret, "<t>.<exact body bytes>")>}, with the same seconds in
 * {@code X-Ordo-Timestamp}. Signing the timestamp with the body lets a receiver refuse replays
 * of an old delivery; docs/resilience.md shows how to verify.
 */
public final class WebhookSignature {

  public static final String TIMESTAMP_HEADER = "X-Ordo-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Ordo-Signature";
  /** How old a delivery a receiver should still accept. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private WebhookSignature() {}

  /** The {@code X-Ordo-Signature} value for {@code body} sent at {@code timestamp}. */
  public static String header(String secret, long timestamp, byte[] body) {
    return "t=" + timestamp + ",v1=" + hmacHex(secret, timestamp, body);
  }

  /** Hex HMAC-SHA256 over {@code "<timestamp>.<body>"} with the UTF-8 bytes of the secret. */
  public static String hmacHex(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  /**
   * What a receiver does: true when {@code header} carries a {@code v1} signature of
   * {@code body} with {@code secret} and its timestamp is within {@code tolerance} of
   * {@code now}. Compares in constant time.
   */
  public static boolean verify(String secret, String header, byte[] body, Instant now,
      Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long timestamp = null;
    String expected = null;
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("\\d{1,18}")) {
        timestamp = Long.parseLong(kv[1]);
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        expected = kv[1];
      }
    }
    if (timestamp == null || expected == null
        || Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
      return false;
    }
    byte[] actual = hmacHex(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(actual, expected.getBytes(StandardCharsets.US_ASCII));
  }
}
