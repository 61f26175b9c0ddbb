package org.kinship.federation.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether Kinship may contact a URL, before any connection: every URL a remote document
 * names (inboxes, actors, redirect targets) is attacker-chosen, and without this check a
 * federated peer could make the server probe its own network (SSRF).
 *
 * <p>A URL is allowed when its scheme is https (or http, where the operator allowed plain http),
 * it has a host, the host resolves, and <em>every</em> address it resolves to is a public
 * unicast address. Loopback and private networks (RFC 1918, CGNAT, IPv6 unique-local) can each be
 * allowed by the operator, for test set-ups and federations inside one network. Link-local
 * (cloud metadata at 169.254.169.254), unspecified, multicast, broadcast, documentation and
 * reserved ranges are never allowed. Addresses are classified from their bytes, so IPv4
 * addresses embedded in IPv6 (mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) are judged by the IPv4 address inside, and odd spellings such as
 * {@code 127.1} are judged by what they resolve to.
 *
 * <p><strong>DNS rebinding.</strong> The check resolves the name, and {@code java.net.http}
 * resolves it again when it connects; a hostile DNS server can answer a public address to the
 * first lookup and a private one to the second. Pinning the connection to the checked address
 * is not possible with {@code java.net.http}: it takes no resolver and refuses a {@code Host}
 * header, and connecting to the IP literal would break TLS server-name checks. What
 * {@link FederationClient} does instead: it checks right before every request (never caches a
 * decision), follows no redirect automatically and re-checks every redirect target, and sends
 * no proxy. The JDK's own DNS cache (30 s by default for successful lookups) usually returns
 * the checked answer to the second lookup, which narrows the window without closing it. On
 * Java 18+ an {@code InetAddressResolverProvider} (JEP 418) could apply this policy inside
 * every lookup; Kinship builds for Java 17.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressPolicy {

    /** Looks up every address of a host; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean plainHttp;
    private final boolean loopback;
    private final boolean privateNetworks;
    private final Resolver resolver;

    private AddressPolicy(boolean plainHttp, boolean loopback, boolean privateNetworks, Resolver resolver) {
        this.plainHttp = plainHttp;
        this.loopback = loopback;
        this.privateNetworks = privateNetworks;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Production: https only, public addresses only, the system resolver. */
    public static AddressPolicy strict() {
        return new AddressPolicy(false, false, false, InetAddress::getAllByName);
    }

    public AddressPolicy allowingPlainHttp() {
        return new AddressPolicy(true, loopback, privateNetworks, resolver);
    }

    /** 127.0.0.0/8 and ::1 (and their IPv4-mapped forms). */
    public AddressPolicy allowingLoopback() {
        return new AddressPolicy(plainHttp, true, privateNetworks, resolver);
    }

    /** 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, fec0::/10. */
    public AddressPolicy allowingPrivateNetworks() {
        return new AddressPolicy(plainHttp, loopback, true, resolver);
    }

    public AddressPolicy resolvingWith(Resolver newResolver) {
        return new AddressPolicy(plainHttp, loopback, privateNetworks, newResolver);
    }

    /** Never throws: every problem with the URL is a refusal. */
    public AddressDecision check(URI target) {
        if (target == null || !target.isAbsolute() || target.isOpaque()) {
            return AddressDecision.refused(OutboundProblem.INVALID_URL, "Not an absolute URL: " + target + ".", List.of());
        }
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(plainHttp && scheme.equals("http"))) {
            return AddressDecision.refused(OutboundProblem.SCHEME_NOT_ALLOWED,
                    "The scheme " + scheme + " is not allowed" + (scheme.equals("http") ? " (plain http is off)." : "."), List.of());
        }
        if (target.getRawUserInfo() != null) {
            // user@host URLs are a classic way to make a URL look like it points elsewhere.
            return AddressDecision.refused(OutboundProblem.INVALID_URL, "The URL carries user information.", List.of());
        }
        String host = target.getHost();
        if (host == null || host.isEmpty()) {
            // java.net.URI leaves the host empty for authorities it cannot parse (underscores, bad ports).
            return AddressDecision.refused(OutboundProblem.INVALID_URL, "The URL has no host name Kinship can read.", List.of());
        }
        if (target.getPort() == 0 || target.getPort() > 65535) {
            return AddressDecision.refused(OutboundProblem.INVALID_URL, "The port " + target.getPort() + " does not exist.", List.of());
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            InetAddress[] resolved = resolver.resolve(host);
            addresses = resolved == null ? List.of() : Arrays.asList(resolved);
        } catch (UnknownHostException | RuntimeException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty()) {
            return AddressDecision.refused(OutboundProblem.UNKNOWN_HOST, "The host " + host + " does not resolve.", List.of());
        }
        for (InetAddress address : addresses) {
            AddressDecision decision = check(address);
            if (!decision.allowed()) {
                return AddressDecision.refused(decision.refusal().orElseThrow(),
                        "The host " + host + " resolves to " + decision.message(), addresses);
            }
        }
        return AddressDecision.allowed(addresses);
    }

    /** Whether Kinship may connect to this one address. */
    public AddressDecision check(InetAddress address) {
        Optional<Range> range = SpecialRange.of(address.getAddress());
        if (range.isEmpty()) {
            return AddressDecision.allowed(List.of(address));
        }
        OutboundProblem problem = range.get().problem();
        boolean switchedOn = (problem == OutboundProblem.LOOPBACK_ADDRESS && loopback)
                || (problem == OutboundProblem.PRIVATE_ADDRESS && privateNetworks);
        if (switchedOn) {
            return AddressDecision.allowed(List.of(address));
        }
        return AddressDecision.refused(problem, address.getHostAddress() + ", in " + range.get().name() + ".", List.of(address));
    }

    /** A special-purpose address range and the refusal it earns. */
    record Range(OutboundProblem problem, String name) {
    }

    /** IANA's special-purpose registries, as far as they matter for connecting out. */
    static final class SpecialRange {

        private SpecialRange() {
        }

        /** The special range the address (4 or 16 bytes) lies in; empty for public unicast. */
        static Optional<Range> of(byte[] address) {
            int[] b = new int[address.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = address[i] & 0xff;
            }
            return b.length == 4 ? ipv4(b[0], b[1], b[2], b[3]) : ipv6(b);
        }

        private static Optional<Range> ipv4(int a, int b, int c, int d) {
            if (a == 0) {
                return reserved("0.0.0.0/8 (this network; 0.0.0.0 reaches the local host)");
            }
            if (a == 127) {
                return range(OutboundProblem.LOOPBACK_ADDRESS, "127.0.0.0/8 (loopback)");
            }
            if (a == 10) {
                return range(OutboundProblem.PRIVATE_ADDRESS, "10.0.0.0/8 (private)");
            }
            if (a == 172 && (b & 0xf0) == 16) {
                return range(OutboundProblem.PRIVATE_ADDRESS, "172.16.0.0/12 (private)");
            }
            if (a == 192 && b == 168) {
                return range(OutboundProblem.PRIVATE_ADDRESS, "192.168.0.0/16 (private)");
            }
            if (a == 100 && (b & 0xc0) == 64) {
                return range(OutboundProblem.PRIVATE_ADDRESS, "100.64.0.0/10 (carrier-grade NAT)");
            }
            if (a == 169 && b == 254) {
                return range(OutboundProblem.LINK_LOCAL_ADDRESS, "169.254.0.0/16 (link-local)");
            }
            if (a == 192 && b == 0 && c == 0) {
                return reserved("192.0.0.0/24 (IETF protocol assignments)");
            }
            if ((a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)) {
                return reserved("a documentation range (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24)");
            }
            if (a == 198 && (b & 0xfe) == 18) {
                return reserved("198.18.0.0/15 (benchmarking)");
            }
            if (a >= 224 && a < 240) {
                return reserved("224.0.0.0/4 (multicast)");
            }
            if (a == 255 && b == 255 && c == 255 && d == 255) {
                return reserved("255.255.255.255 (broadcast)");
            }
            if (a >= 240) {
                return reserved("240.0.0.0/4 (reserved)");
            }
            return Optional.empty();
        }

        private static Optional<Range> ipv6(int[] b) {
            if (zero(b, 0, 15)) {
                return b[15] == 0 ? reserved(":: (unspecified; reaches the local host)")
                        : b[15] == 1 ? range(OutboundProblem.LOOPBACK_ADDRESS, "::1 (loopback)")
                        : reserved("::/96 (IPv4-compatible, deprecated)");
            }
            if (zero(b, 0, 10) && b[10] == 0xff && b[11] == 0xff) {
                return embedded("IPv4-mapped ::ffff:0:0/96", b, 12);
            }
            if (zero(b, 0, 12)) {
                return reserved("::/96 (IPv4-compatible, deprecated)");
            }
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) {
                if (zero(b, 4, 12)) {
                    return embedded("NAT64 64:ff9b::/96", b, 12);
                }
                if (b[4] == 0 && b[5] == 1) {
                    return range(OutboundProblem.PRIVATE_ADDRESS, "64:ff9b:1::/48 (local-use NAT64)");
                }
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return embedded("6to4 2002::/16", b, 2);
            }
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) {
                return reserved("2001:db8::/32 (documentation)");
            }
            if (b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xf0) == 0) {
                return reserved("3fff::/20 (documentation)");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return range(OutboundProblem.PRIVATE_ADDRESS, "fc00::/7 (unique local)");
            }
            if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) {
                return range(OutboundProblem.LINK_LOCAL_ADDRESS, "fe80::/10 (link-local)");
            }
            if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return range(OutboundProblem.PRIVATE_ADDRESS, "fec0::/10 (site-local, deprecated)");
            }
            if (b[0] == 0xff) {
                return reserved("ff00::/8 (multicast)");
            }
            if ((b[0] & 0xe0) != 0x20) {
                // Only 2000::/3 is handed out for global unicast; the rest is reserved or special.
                return reserved("a range outside global unicast 2000::/3");
            }
            return Optional.empty();
        }

        private static Optional<Range> embedded(String form, int[] b, int from) {
            return ipv4(b[from], b[from + 1], b[from + 2], b[from + 3])
                    .map(inner -> new Range(inner.problem(), form + " of " + b[from] + "." + b[from + 1] + "."
                            + b[from + 2] + "." + b[from + 3] + ", " + inner.name()));
        }

        private static boolean zero(int[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private static Optional<Range> range(OutboundProblem problem, String name) {
            return Optional.of(new Range(problem, name));
        }

        private static Optional<Range> reserved(String name) {
            return range(OutboundProblem.RESERVED_ADDRESS, name);
        }
    }

    @Override
    public String toString() {
        return "AddressPolicy[plainHttp=" + plainHttp + ", loopback=" + loopback + ", privateNetworks=" + privateNetworks + "]";
    }
}
