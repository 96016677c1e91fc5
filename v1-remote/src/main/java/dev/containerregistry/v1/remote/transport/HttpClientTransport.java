package dev.containerregistry.v1.remote.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.jspecify.annotations.Nullable;

/**
 * The bottom of every transport chain: Apache HttpClient (classic API) with a connection pool,
 * configured by {@link HttpSettings} (timeouts, proxy, trust). It never follows redirects, never
 * decompresses, never retries and never adds registry credentials: those are decisions of the
 * layers above it. The only credentials it sends are a proxy's own, to that proxy, when it answers
 * {@code 407}. Response header lines and counts are bounded.
 */
final class HttpClientTransport implements Transport, Closeable {

  private static final int MAX_CONNECTIONS = 64;
  private static final int DRAIN_LIMIT = 64 * 1024;

  /** The longest response header line read; a longer one fails the request. */
  static final int MAX_HEADER_LINE = 64 * 1024;

  /** The most response header fields read; more fail the request. */
  static final int MAX_HEADER_COUNT = 256;

  private static final class Shared {
    static final HttpClientTransport INSTANCE = new HttpClientTransport(HttpSettings.defaults());
  }

  private final CloseableHttpClient client;

  HttpClientTransport(HttpSettings settings) {
    this(settings, SystemDefaultDnsResolver.INSTANCE);
  }

  /**
   * @param settings timeouts, proxy and trust
   * @param dns the name resolution to connect with (tests pass one that rebinds)
   */
  HttpClientTransport(HttpSettings settings, DnsResolver dns) {
    Optional<SSLContext> given = settings.sslContext();
    Supplier<SSLContext> tls = () -> given.orElseGet(HttpClientTransport::defaultTls);
    ProxySelector proxies = settings.proxy().orElseGet(Proxies::system);
    PoolingHttpClientConnectionManagerBuilder pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new PublicAddressGuard(dns))
            .setConnectionFactory(
                ManagedHttpClientConnectionFactory.builder()
                    .http1Config(
                        Http1Config.custom()
                            .setMaxLineLength(MAX_HEADER_LINE)
                            .setMaxHeaderCount(MAX_HEADER_COUNT)
                            .build())
                    .build())
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .setTlsSocketStrategy(
                new RegistryTrust(tls, settings.certificatesDirectory().orElse(null)))
            // Connecting includes the TLS handshake: a server that never answers a TLS hello (a
            // plain one tried over TLS first) is given up on as a silent connect would be.
            .setDefaultTlsConfig(
                TlsConfig.custom()
                    .setHandshakeTimeout(
                        settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .build())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .setSocketTimeout(
                        (int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()),
                        TimeUnit.MILLISECONDS)
                    .build());
    this.client =
        HttpClients.custom()
            .setConnectionManager(pool.build())
            .setRoutePlanner(new SystemDefaultRoutePlanner(proxies))
            .setDefaultCredentialsProvider(new ProxyOnlyCredentials(proxies))
            .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableDefaultUserAgent()
            .build();
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  /** One pooled client for the whole JVM, used when the options name no other transport. */
  static HttpClientTransport shared() {
    return Shared.INSTANCE;
  }

  /**
   * Sends {@code request}; registered in {@link InFlightRequests} until its response is closed, so
   * that aborting the thread closes the connection even while a body is being written or read.
   *
   * @throws InterruptedIOException when the thread is interrupted or the request is aborted
   */
  @Override
  public Response send(Request request) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException(request + ": the thread is interrupted; not sent");
    }
    HttpUriRequestBase outgoing = new HttpUriRequestBase(request.method(), request.uri());
    request
        .headers()
        .asMap()
        .forEach((name, values) -> values.forEach(v -> outgoing.addHeader(name, v)));
    if (request.body().isPresent()) {
      outgoing.setEntity(entity(request.body().get()));
    }
    InFlightRequests.Registration inFlight = InFlightRequests.register(outgoing::cancel);
    ClassicHttpResponse answer;
    try {
      answer =
          PublicAddressGuard.around(
              request.publicAddressesOnly(), () -> client.executeOpen(null, outgoing, null));
    } catch (IOException e) {
      inFlight.close();
      if (outgoing.isCancelled() && !(e instanceof InterruptedIOException)) {
        InterruptedIOException aborted = new InterruptedIOException(request + ": aborted");
        aborted.initCause(e);
        throw aborted;
      }
      throw e;
    }
    HttpEntity entity = answer.getEntity();
    InputStream body = entity == null ? null : entity.getContent();
    return Response.of(
        request,
        answer.getCode(),
        headers(answer),
        body,
        () -> {
          try (inFlight) {
            release(body, answer);
          }
        });
  }

  /**
   * Reads what is left of a short body so that the connection goes back to the pool; a long
   * remainder is not worth reading, and the connection is dropped instead.
   */
  private static void release(@Nullable InputStream body, ClassicHttpResponse answer)
      throws IOException {
    try (answer) {
      if (body != null) {
        drain(body);
      }
    }
  }

  private static void drain(InputStream body) {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    try {
      for (int n; skipped <= DRAIN_LIMIT && (n = body.read(buffer)) >= 0; ) {
        skipped += n;
      }
    } catch (IOException alreadyClosedOrBroken) {
      // Nothing to reuse: closing the answer below drops the connection.
    }
  }

  private static HttpEntity entity(RequestBody body) throws IOException {
    ContentType type = ContentType.parse(body.contentType());
    if (body.replayable()) {
      return new ByteArrayEntity(body.bytes(), type);
    }
    return new StreamBodyEntity(body.open(), body.length(), type);
  }

  private static Headers headers(ClassicHttpResponse answer) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (Header header : answer.getHeaders()) {
      fields.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
    }
    return Headers.of(fields);
  }
}
