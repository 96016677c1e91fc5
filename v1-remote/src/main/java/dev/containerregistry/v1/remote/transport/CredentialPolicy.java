package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where credentials may go. Never over plain http to a host that is not this machine, unless the
 * user marked the registry insecure; and never to a token realm on a loopback or private address
 * other than the registry's own host (a hostile registry could otherwise make the client send
 * credentials to, or probe, services on the local network).
 */
final class CredentialPolicy {

  private CredentialPolicy() {}

  /**
   * Refuses sending credentials to {@code target} over plain http unless it is a loopback host or
   * {@code insecure} is set.
   */
  static void checkPlainHttp(URI target, boolean insecure, String what) throws RefusedException {
    if (!"http".equalsIgnoreCase(target.getScheme())
        || insecure
        || isLoopbackHost(target.getHost())) {
      return;
    }
    throw new RefusedException(
        "refusing to send credentials for "
            + what
            + " over plain http to "
            + target.getHost()
            + ": mark the registry insecure (NameOption.insecure()) to allow it");
  }

  /**
   * Refuses the user's credentials to a token realm that the registry's owner does not control (see
   * {@link RealmTrust}), naming the realm and the option that allows it.
   */
  static void checkRealmTrust(URI realm, URI registry, Set<String> allowedHosts)
      throws RefusedException {
    String host = realm.getHost();
    if (host != null && RealmTrust.trusted(host, registry.getHost(), allowedHosts)) {
      return;
    }
    throw new RefusedException(
        "refusing to send the credentials for "
            + registry.getHost()
            + " to the token realm "
            + Redaction.redact(realm)
            + ": it is neither the registry's host nor in its registrable domain;"
            + " allow it with RemoteOptions.Builder.allowRealmHost(\""
            + RealmTrust.normalize(String.valueOf(host))
            + "\")");
  }

  /**
   * Refuses a token realm that is not http(s), whose host does not resolve, or that points at a
   * loopback, link-local or private address unless it is the registry's own host (same name, or an
   * address the registry's name also resolves to).
   *
   * @return true when the realm is on the registry's own host; otherwise the token request must
   *     connect to a public address, checked again when it connects
   */
  static boolean checkRealm(URI realm, URI registry) throws IOException {
    String scheme = realm.getScheme();
    if (realm.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new RefusedException(
          "refusing the token realm '"
              + Redaction.redact(realm)
              + "' of "
              + registry.getHost()
              + ": not an http(s) URL");
    }
    String realmHost = realm.getHost().toLowerCase(Locale.ROOT);
    String registryHost = registry.getHost().toLowerCase(Locale.ROOT);
    if (realmHost.equals(registryHost)) {
      return true;
    }
    List<InetAddress> realmAddresses = resolve(realmHost);
    if (realmAddresses.isEmpty()) {
      throw new RefusedException(
          "refusing the token realm "
              + Redaction.redact(realm)
              + " of "
              + registry.getHost()
              + ": its host does not resolve");
    }
    if (!Collections.disjoint(realmAddresses, resolve(registry.getHost()))) {
      return true;
    }
    for (InetAddress address : realmAddresses) {
      if (isInternal(address)) {
        throw new RefusedException(
            "refusing the token realm "
                + Redaction.redact(realm)
                + " of "
                + registry.getHost()
                + ": it is on a loopback or private address ("
                + address.getHostAddress()
                + ") other than the registry's own host");
      }
    }
    return false;
  }

  /** The addresses of {@code host}; none when it does not resolve. */
  private static List<InetAddress> resolve(String host) {
    try {
      return Arrays.asList(InetAddress.getAllByName(unbracket(host)));
    } catch (UnknownHostException e) {
      return List.of();
    }
  }

  /** True for {@code localhost}, {@code *.localhost} and loopback IP literals; never asks DNS. */
  static boolean isLoopbackHost(String host) {
    String h = unbracket(host.toLowerCase(Locale.ROOT));
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (!isIpLiteral(h)) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Loopback, private (RFC 1918, IPv6 unique local), link-local or the any-address. */
  static boolean isInternal(InetAddress address) {
    byte[] raw = address.getAddress();
    boolean uniqueLocalV6 = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
    return address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || uniqueLocalV6;
  }

  private static boolean isIpLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!(c == '.' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return !host.isEmpty();
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
