package org.kinship.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which URLs Kinship may contact, over literal addresses of every special class, with and without the switches. */
class AddressPolicyTest {

    /** Which operator switch, if any, allows a class of address. */
    enum Switch { NONE, LOOPBACK, PRIVATE, NEVER }

    record Row(String literal, OutboundProblem refusal, Switch allowedBy) {
    }

    static Row ok(String literal) {
        return new Row(literal, null, Switch.NONE);
    }

    static Row row(String literal, OutboundProblem refusal, Switch allowedBy) {
        return new Row(literal, refusal, allowedBy);
    }

    static final OutboundProblem LOOP = OutboundProblem.LOOPBACK_ADDRESS;
    static final OutboundProblem PRIV = OutboundProblem.PRIVATE_ADDRESS;
    static final OutboundProblem LINK = OutboundProblem.LINK_LOCAL_ADDRESS;
    static final OutboundProblem RES = OutboundProblem.RESERVED_ADDRESS;

    static final List<Row> TABLE = List.of(
            ok("93.184.215.14"),
            ok("1.1.1.1"),
            ok("2606:4700:4700::1111"),
            ok("2a01:4f8::1"),
            // loopback
            row("127.0.0.1", LOOP, Switch.LOOPBACK),
            row("127.255.255.254", LOOP, Switch.LOOPBACK),
            row("::1", LOOP, Switch.LOOPBACK),
            row("::ffff:127.0.0.1", LOOP, Switch.LOOPBACK),
            // private: RFC 1918 with its edges, CGNAT, unique-local, old site-local, local NAT64
            row("10.0.0.1", PRIV, Switch.PRIVATE),
            row("10.255.255.255", PRIV, Switch.PRIVATE),
            ok("11.0.0.1"),
            row("172.16.0.1", PRIV, Switch.PRIVATE),
            row("172.31.255.255", PRIV, Switch.PRIVATE),
            ok("172.15.255.255"),
            ok("172.32.0.1"),
            row("192.168.1.1", PRIV, Switch.PRIVATE),
            ok("192.169.0.1"),
            row("100.64.0.1", PRIV, Switch.PRIVATE),
            row("100.127.255.255", PRIV, Switch.PRIVATE),
            ok("100.63.255.255"),
            ok("100.128.0.1"),
            row("fc00::1", PRIV, Switch.PRIVATE),
            row("fd12:3456:789a::1", PRIV, Switch.PRIVATE),
            row("fec0::1", PRIV, Switch.PRIVATE),
            row("64:ff9b:1::1", PRIV, Switch.PRIVATE),
            // IPv4 inside IPv6 is judged by the IPv4 address
            row("::ffff:10.1.2.3", PRIV, Switch.PRIVATE),
            row("64:ff9b::10.0.0.1", PRIV, Switch.PRIVATE),
            ok("64:ff9b::8.8.8.8"),
            row("2002:c0a8:0101::1", PRIV, Switch.PRIVATE),
            ok("2002:0808:0808::1"),
            row("::ffff:169.254.169.254", LINK, Switch.NEVER),
            // link-local: never, whatever the switches (cloud metadata)
            row("169.254.169.254", LINK, Switch.NEVER),
            row("169.254.0.1", LINK, Switch.NEVER),
            row("fe80::1", LINK, Switch.NEVER),
            // any-local, this network, multicast, broadcast, documentation, benchmarking, reserved
            row("0.0.0.0", RES, Switch.NEVER),
            row("0.1.2.3", RES, Switch.NEVER),
            row("::", RES, Switch.NEVER),
            row("::0.0.0.2", RES, Switch.NEVER),
            row("224.0.0.1", RES, Switch.NEVER),
            row("239.255.255.250", RES, Switch.NEVER),
            row("ff02::1", RES, Switch.NEVER),
            row("255.255.255.255", RES, Switch.NEVER),
            row("240.0.0.1", RES, Switch.NEVER),
            row("192.0.0.8", RES, Switch.NEVER),
            row("192.0.2.1", RES, Switch.NEVER),
            row("198.51.100.7", RES, Switch.NEVER),
            row("203.0.113.9", RES, Switch.NEVER),
            row("198.18.0.1", RES, Switch.NEVER),
            row("198.19.255.255", RES, Switch.NEVER),
            ok("198.20.0.1"),
            row("2001:db8::1", RES, Switch.NEVER),
            row("3fff::1", RES, Switch.NEVER),
            row("100::1", RES, Switch.NEVER),
            row("4000::1", RES, Switch.NEVER));

    static final AddressPolicy STRICT = AddressPolicy.strict();

    @Test
    void everyClassOfAddressWithAndWithoutTheSwitches() {
        List<String> wrong = new ArrayList<>();
        for (Row row : TABLE) {
            URI uri = URI.create("https://" + (row.literal().contains(":") ? "[" + row.literal() + "]" : row.literal()) + ":8443/inbox");
            expect(wrong, row, "strict", STRICT.check(uri), row.refusal() == null);
            expect(wrong, row, "loopback", STRICT.allowingLoopback().check(uri),
                    row.refusal() == null || row.allowedBy() == Switch.LOOPBACK);
            expect(wrong, row, "private", STRICT.allowingPrivateNetworks().check(uri),
                    row.refusal() == null || row.allowedBy() == Switch.PRIVATE);
            expect(wrong, row, "both", STRICT.allowingLoopback().allowingPrivateNetworks().check(uri),
                    row.refusal() == null || row.allowedBy() != Switch.NEVER);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void expect(List<String> wrong, Row row, String switches, AddressDecision decision, boolean allowed) {
        if (allowed && !decision.allowed()) {
            wrong.add(row.literal() + " [" + switches + "]: refused " + decision.refusal().orElseThrow().code() + ", " + decision.message());
        } else if (!allowed && !decision.refusal().equals(Optional.of(row.refusal()))) {
            wrong.add(row.literal() + " [" + switches + "]: expected " + row.refusal().code() + ", got " + decision);
        }
    }

    @Test
    void ipv4MappedAddressesThatJavaDidNotNormaliseAreJudgedByTheirIpv4Part() throws UnknownHostException {
        // A resolver may hand back ::ffff:a.b.c.d as an Inet6Address; the literal parser would have made it IPv4.
        InetAddress mappedPrivate = mapped(10, 0, 0, 1);
        InetAddress mappedLoopback = mapped(127, 0, 0, 1);
        InetAddress mappedPublic = mapped(8, 8, 8, 8);
        assertTrue(mappedPrivate instanceof Inet6Address);
        assertEquals(Optional.of(PRIV), STRICT.check(mappedPrivate).refusal());
        assertEquals(Optional.of(LOOP), STRICT.check(mappedLoopback).refusal());
        assertTrue(STRICT.allowingLoopback().check(mappedLoopback).allowed());
        assertTrue(STRICT.check(mappedPublic).allowed());
        AddressPolicy viaResolver = STRICT.resolvingWith(host -> new InetAddress[] {mappedPrivate});
        assertEquals(Optional.of(PRIV), viaResolver.check(URI.create("https://rebind.example/inbox")).refusal());
    }

    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    @Test
    void oneBadAddressAmongSeveralRefusesTheHost() throws UnknownHostException {
        InetAddress publicAddress = InetAddress.getByName("93.184.215.14");
        InetAddress privateAddress = InetAddress.getByName("192.168.0.10");
        AddressPolicy policy = STRICT.resolvingWith(host -> new InetAddress[] {publicAddress, privateAddress});
        AddressDecision decision = policy.check(URI.create("https://two-faced.example/inbox"));
        assertEquals(Optional.of(PRIV), decision.refusal());
        assertTrue(decision.message().contains("192.168.0.10"), decision.message());
        assertEquals(2, decision.addresses().size());
        AddressPolicy onlyPublic = STRICT.resolvingWith(host -> new InetAddress[] {publicAddress});
        assertTrue(onlyPublic.check(URI.create("https://peer.example/inbox")).allowed());
    }

    @Test
    void localhostResolvesToLoopbackAndIsRefusedByDefault() {
        AddressDecision decision = STRICT.check(URI.create("https://localhost/inbox"));
        assertEquals(Optional.of(LOOP), decision.refusal(), decision.message());
        assertTrue(STRICT.allowingLoopback().check(URI.create("https://localhost:8443/inbox")).allowed());
        // Odd spellings of 127.0.0.1 are judged by what they resolve to, or not read at all.
        assertEquals(Optional.of(LOOP), STRICT.check(URI.create("https://2130706433/")).refusal());
        assertFalse(STRICT.check(URI.create("https://127.1/")).allowed());
    }

    @Test
    void schemesAndMalformedUrls() {
        AddressPolicy publicOnly = STRICT.resolvingWith(host -> new InetAddress[] {InetAddress.getByName("93.184.215.14")});
        assertTrue(publicOnly.check(URI.create("https://peer.example/inbox")).allowed());
        assertTrue(publicOnly.check(URI.create("HTTPS://peer.example/inbox")).allowed());
        assertEquals(Optional.of(OutboundProblem.SCHEME_NOT_ALLOWED), publicOnly.check(URI.create("http://peer.example/inbox")).refusal());
        assertTrue(publicOnly.allowingPlainHttp().check(URI.create("http://peer.example/inbox")).allowed());
        for (String scheme : new String[] {"ftp", "file", "gopher", "jar"}) {
            assertEquals(Optional.of(OutboundProblem.SCHEME_NOT_ALLOWED),
                    publicOnly.allowingPlainHttp().check(URI.create(scheme + "://peer.example/x")).refusal(), scheme);
        }
        for (String bad : new String[] {"/inbox", "mailto:ada@peer.example", "https:///inbox", "https://under_score.example/inbox",
                "https://ada@peer.example/inbox", "https://peer.example:99999/inbox"}) {
            assertEquals(Optional.of(OutboundProblem.INVALID_URL), publicOnly.check(URI.create(bad)).refusal(), bad);
        }
        assertEquals(Optional.of(OutboundProblem.INVALID_URL), publicOnly.check((URI) null).refusal());
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        AddressPolicy nxdomain = STRICT.resolvingWith(host -> {
            throw new UnknownHostException(host);
        });
        AddressDecision decision = nxdomain.check(URI.create("https://gone.example/inbox"));
        assertEquals(Optional.of(OutboundProblem.UNKNOWN_HOST), decision.refusal());
        assertTrue(decision.addresses().isEmpty());
        assertEquals(Optional.of(OutboundProblem.UNKNOWN_HOST),
                STRICT.resolvingWith(host -> new InetAddress[0]).check(URI.create("https://empty.example/")).refusal());
        assertEquals(Optional.of(OutboundProblem.UNKNOWN_HOST), STRICT.resolvingWith(host -> {
            throw new SecurityException("no lookups");
        }).check(URI.create("https://peer.example/")).refusal());
    }
}
