package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * Picks the TLS context per registry: the one of {@code <certificates>/<host:port>/} (or {@code
 * <host>/}) when that directory holds {@code *.crt} files, trusting them in addition to the JVM's
 * roots as Docker does with {@code /etc/docker/certs.d}; else the configured or default context.
 * Hostname verification stays on in every case.
 */
final class RegistryTrust implements TlsSocketStrategy {

  private final @Nullable Path certificates;
  private final Map<String, TlsSocketStrategy> byHost = new ConcurrentHashMap<>();
  private final Supplier<SSLContext> fallbackContext;
  private volatile @Nullable TlsSocketStrategy fallbackStrategy;

  /**
   * @param fallback the context for hosts without a certificates directory of their own, asked for
   *     on the first TLS connection (the JVM's default context costs megabytes to build, which a
   *     client that only talks plain http to a local registry never needs)
   */
  RegistryTrust(Supplier<SSLContext> fallback, @Nullable Path certificates) {
    this.certificates = certificates;
    this.fallbackContext = fallback;
  }

  private TlsSocketStrategy fallback() {
    TlsSocketStrategy strategy = fallbackStrategy;
    if (strategy == null) {
      synchronized (this) {
        strategy = fallbackStrategy;
        if (strategy == null) {
          strategy = new DefaultClientTlsStrategy(fallbackContext.get());
          fallbackStrategy = strategy;
        }
      }
    }
    return strategy;
  }

  @Override
  public SSLSocket upgrade(
      Socket socket, String target, int port, @Nullable Object attachment, HttpContext context)
      throws IOException {
    return strategy(target, port).upgrade(socket, target, port, attachment, context);
  }

  private TlsSocketStrategy strategy(String host, int port) throws IOException {
    Path dir = certificates;
    if (dir == null) {
      return fallback();
    }
    String key = host + ":" + port;
    TlsSocketStrategy known = byHost.get(key);
    if (known != null) {
      return known;
    }
    List<X509Certificate> cas = new ArrayList<>(read(dir.resolve(key)));
    if (cas.isEmpty()) {
      cas.addAll(read(dir.resolve(host)));
    }
    TlsSocketStrategy chosen =
        cas.isEmpty() ? fallback() : new DefaultClientTlsStrategy(withExtraRoots(cas, host));
    byHost.put(key, chosen);
    return chosen;
  }

  private static List<X509Certificate> read(Path dir) throws IOException {
    List<X509Certificate> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.crt")) {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          for (Certificate c : factory.generateCertificates(in)) {
            found.add((X509Certificate) c);
          }
        } catch (GeneralSecurityException e) {
          throw new IOException(
              "reading the CA certificates in " + file + ": " + e.getMessage(), e);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("reading the CA certificates in " + dir + ": " + e.getMessage(), e);
    }
    return found;
  }

  /** A context trusting the JVM's roots and {@code extra}. */
  private static SSLContext withExtraRoots(List<X509Certificate> extra, String host)
      throws IOException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate root : jvmRoots()) {
        store.setCertificateEntry("jvm-" + i++, root);
      }
      for (X509Certificate root : extra) {
        store.setCertificateEntry("registry-" + i++, root);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException("building the TLS trust for " + host + ": " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> jvmRoots() throws GeneralSecurityException {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init((KeyStore) null);
    List<X509Certificate> roots = new ArrayList<>();
    for (TrustManager manager : trust.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        roots.addAll(List.of(x509.getAcceptedIssuers()));
      }
    }
    return roots;
  }
}
