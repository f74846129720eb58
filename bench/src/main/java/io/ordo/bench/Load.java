package io.ordo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: the JDK's asynchronous HTTP/1.1 client on loopback, one connection per
 * request in flight (the client keeps and reuses them). Closed loop: {@code n} callers, each
 * sending its next request when the previous one answered. Open loop: requests at fixed times
 * whatever the answers, latency counted from the time a request was due (no coordinated
 * omission).
 */
public final class Load {

  /** What one answer meant. */
  public record Outcome(boolean ok, String executionId, String error) {}

  /** Judges an answer. */
  public interface Check {
    Outcome of(HttpResponse<String> response);
  }

  /**
   * One run's figures. {@code ids} are the execution ids of the successful requests,
   * {@code okNanos} their latencies (to merge runs).
   */
  public record Run(String name, int concurrency, double offeredRate, int requested, int ok,
      int errors, double seconds, double throughput, Percentiles latency, List<String> ids,
      Map<String, Integer> errorKinds, long[] okNanos) {}

  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient client;
  private final String baseUrl;
  private final Duration requestTimeout;

  public Load(String baseUrl, Duration requestTimeout) {
    this.baseUrl = baseUrl;
    this.requestTimeout = requestTimeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(2, r -> {
          Thread t = new Thread(r, "load-client");
          t.setDaemon(true);
          return t;
        }))
        .build();
  }

  public HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  public HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout).GET()
        .build());
  }

  /**
   * A streaming GET: the response arrives when its headers do; its lines as the server sends
   * them (close the stream to stop).
   */
  public HttpResponse<java.util.stream.Stream<String>> lines(String path, String accept)
      throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(requestTimeout).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  /** A synchronous start ({@code ?wait=}): 200 with the execution, which must be COMPLETED. */
  public static Outcome completed(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      return new Outcome(false, null, "HTTP " + r.statusCode());
    }
    String status = first(STATUS, r.body());
    if (!"COMPLETED".equals(status)) {
      return new Outcome(false, first(ID, r.body()), "status " + status);
    }
    return new Outcome(true, first(ID, r.body()), null);
  }

  /** An asynchronous start: 202 with the execution id. */
  public static Outcome accepted(HttpResponse<String> r) {
    if (r.statusCode() != 202) {
      return new Outcome(false, null, "HTTP " + r.statusCode());
    }
    String id = first(EXECUTION_ID, r.body());
    return id == null ? new Outcome(false, null, "no executionId") : new Outcome(true, id, null);
  }

  static String first(Pattern p, String body) {
    Matcher m = p.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  /** {@code count} requests by {@code concurrency} callers; waits at most {@code timeout}. */
  public Run closed(String name, HttpRequest request, Check check, int concurrency, int count,
      Duration timeout) throws InterruptedException {
    var tally = new Tally(count);
    var next = new AtomicInteger();
    var done = new CountDownLatch(count);
    long t0 = System.nanoTime();
    for (int c = 0; c < Math.min(concurrency, count); c++) {
      sendNext(request, check, next, count, tally, done);
    }
    if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      tally.abandon(done.getCount());
    }
    double seconds = (tally.lastDone.get() - t0) / 1e9;
    return tally.run(name, concurrency, Double.NaN, seconds);
  }

  private void sendNext(HttpRequest request, Check check, AtomicInteger next, int count,
      Tally tally, CountDownLatch done) {
    int i = next.getAndIncrement();
    if (i >= count) {
      return;
    }
    long sent = System.nanoTime();
    client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
      tally.record(i, sent, r, e, check);
      done.countDown();
      sendNext(request, check, next, count, tally, done);
    });
  }

  /**
   * {@code count} requests at {@code rate} per second. A request due while {@code maxOutstanding}
   * are unanswered is not sent and counts as an error ("client backlog"): the node is saturated.
   */
  public Run open(String name, HttpRequest request, Check check, double rate, int count,
      int maxOutstanding, Duration drainTimeout) throws InterruptedException {
    var tally = new Tally(count);
    var done = new CountDownLatch(count);
    var outstanding = new AtomicInteger();
    long t0 = System.nanoTime() + 1_000_000;
    double interval = 1e9 / rate;
    for (int i = 0; i < count; i++) {
      long due = t0 + (long) (i * interval);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (outstanding.get() >= maxOutstanding) {
        tally.fail(i, "client backlog over " + maxOutstanding);
        done.countDown();
        continue;
      }
      outstanding.incrementAndGet();
      int index = i;
      client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
        outstanding.decrementAndGet();
        // Latency from when the request was due, not from when it went out.
        tally.record(index, due, r, e, check);
        done.countDown();
      });
    }
    if (!done.await(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      tally.abandon(done.getCount());
    }
    double seconds = (tally.lastDone.get() - t0) / 1e9;
    return tally.run(name, 0, rate, seconds);
  }

  /** Latencies and outcomes by request index. */
  private static final class Tally {
    final long[] latencies;
    final String[] ids;
    final boolean[] ok;
    final Map<String, Integer> errors = new TreeMap<>();
    final AtomicLong lastDone = new AtomicLong();
    int abandoned;

    Tally(int count) {
      latencies = new long[count];
      ids = new String[count];
      ok = new boolean[count];
    }

    void record(int i, long from, HttpResponse<String> r, Throwable e, Check check) {
      long now = System.nanoTime();
      lastDone.accumulateAndGet(now, Math::max);
      latencies[i] = now - from;
      if (e != null) {
        fail(i, e.getClass().getSimpleName());
        return;
      }
      Outcome o = check.of(r);
      synchronized (this) {
        ok[i] = o.ok();
        ids[i] = o.executionId();
        if (!o.ok()) {
          errors.merge(o.error(), 1, Integer::sum);
        }
      }
    }

    synchronized void fail(int i, String error) {
      ok[i] = false;
      errors.merge(error, 1, Integer::sum);
    }

    synchronized void abandon(long count) {
      abandoned = (int) count;
      errors.merge("no answer in time", (int) count, Integer::sum);
    }

    synchronized Run run(String name, int concurrency, double rate, double seconds) {
      var good = new ArrayList<String>();
      long[] okLatencies = new long[latencies.length];
      int n = 0;
      for (int i = 0; i < latencies.length; i++) {
        if (ok[i]) {
          okLatencies[n++] = latencies[i];
          if (ids[i] != null) {
            good.add(ids[i]);
          }
        }
      }
      int errorCount = latencies.length - n;
      long[] measured = java.util.Arrays.copyOf(okLatencies, n);
      return new Run(name, concurrency, rate, latencies.length, n, errorCount, seconds,
          seconds > 0 ? n / seconds : Double.NaN, Percentiles.ofNanos(measured),
          List.copyOf(good), Map.copyOf(errors), measured);
    }
  }
}
