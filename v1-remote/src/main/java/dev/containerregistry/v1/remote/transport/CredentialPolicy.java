package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
   * Refuses a token realm that is not http(s), or that points at a loopback, link-local or private
   * address unless it is the registry's own host (same name, or an address the registry's name also
   * resolves to).
   */
  static void checkRealm(URI realm, URI registry) throws IOException {
    String scheme = realm.getScheme();
    if (realm.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new RefusedException(
          "refusing the token realm '"
              + realm
              + "' of "
              + registry.getHost()
              + ": not an http(s) URL");
    }
    String realmHost = realm.getHost().toLowerCase(Locale.ROOT);
    if (realmHost.equals(registry.getHost().toLowerCase(Locale.ROOT))) {
      return;
    }
    List<InetAddress> realmAddresses = resolve(realmHost);
    if (!Collections.disjoint(realmAddresses, resolve(registry.getHost()))) {
      return;
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
  }

  /** The addresses of {@code host}; none when it does not resolve (the request will fail later). */
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

  private static boolean isInternal(InetAddress address) {
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
