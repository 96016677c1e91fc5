package dev.containerregistry.v1.remote.transport;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a token realm belongs to the registry's owner, so that the user's credentials may go to
 * it: the registry's own host, both on this machine, the same registrable domain (one label below a
 * public suffix, so {@code registry.gitlab.com} trusts {@code gitlab.com} but {@code a.github.io}
 * does not trust {@code b.github.io}), or a host the user allowed.
 */
final class RealmTrust {

  private RealmTrust() {}

  static boolean trusted(String realmHost, String registryHost, Set<String> allowed) {
    String realm = normalize(realmHost);
    String registry = normalize(registryHost);
    if (realm.equals(registry) || allowed.contains(realm)) {
      return true;
    }
    if (CredentialPolicy.isLoopbackHost(realm) && CredentialPolicy.isLoopbackHost(registry)) {
      return true;
    }
    Optional<String> domain = registrableDomain(realm);
    return domain.isPresent() && domain.equals(registrableDomain(registry));
  }

  /** Lower case, without IPv6 brackets or a trailing dot. */
  static String normalize(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  private static Optional<String> registrableDomain(String host) {
    if (!InternetDomainName.isValid(host)) {
      return Optional.empty();
    }
    InternetDomainName name = InternetDomainName.from(host);
    if (!name.isUnderPublicSuffix()) {
      return Optional.empty();
    }
    return Optional.of(name.topPrivateDomain().toString());
  }
}
