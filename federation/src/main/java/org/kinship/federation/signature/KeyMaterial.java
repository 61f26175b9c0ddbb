package org.kinship.federation.signature;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads keys as actors publish them: PEM ({@code publicKeyPem} is SPKI "PUBLIC KEY" on Mastodon
 * and most others, PKCS#1 "RSA PUBLIC KEY" on a few) and JWK members. Answers empty for anything
 * it cannot read, since the input comes from remote servers.
 */
public final class KeyMaterial {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** Larger inputs are not keys: an 8192-bit RSA SPKI PEM is under 1.5 KB. */
    private static final int MAX_PEM_CHARS = 16_384;

    private static final byte[] RSA_ALGORITHM_ID = hex("300d06092a864886f70d0101010500");
    private static final byte[] ED25519_SPKI_PREFIX = hex("302a300506032b6570032100");
    private static final byte[] P256_SPKI_PREFIX = hex("3059301306072a8648ce3d020106082a8648ce3d030107034200");
    private static final byte[] P384_SPKI_PREFIX = hex("3076301006072a8648ce3d020106052b81040022036200");

    private KeyMaterial() {
    }

    public static Optional<PublicKey> publicKeyFromPem(String pem) {
        Optional<Pem> block = pemBlock(pem);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        byte[] der = block.get().der();
        switch (block.get().type()) {
            case "PUBLIC KEY":
                return spki(der);
            case "RSA PUBLIC KEY":
                return spki(sequence(RSA_ALGORITHM_ID, bitString(der)));
            default:
                return Optional.empty();
        }
    }

    /** PKCS#8 "PRIVATE KEY" (RSA, EC, Ed25519) or PKCS#1 "RSA PRIVATE KEY". */
    public static Optional<PrivateKey> privateKeyFromPem(String pem) {
        Optional<Pem> block = pemBlock(pem);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        byte[] der = block.get().der();
        switch (block.get().type()) {
            case "PRIVATE KEY":
                return pkcs8(der);
            case "RSA PRIVATE KEY":
                return pkcs8(sequence(encode(0x02, new byte[] {0}), RSA_ALGORITHM_ID, encode(0x04, der)));
            default:
                return Optional.empty();
        }
    }

    /** The SPKI PEM of a public key, as {@code publicKeyPem} in our actors. */
    public static String toPem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * A key from JWK members (RFC 7517/7518/8037): RSA ({@code n}, {@code e}), EC P-256/P-384
     * ({@code x}, {@code y}), OKP Ed25519 ({@code x}) or a shared secret ({@code oct}, {@code k}).
     * Private members are ignored: only the public half is built.
     */
    public static Optional<Key> fromJwk(Map<String, String> jwk) {
        try {
            String kty = jwk.getOrDefault("kty", "");
            switch (kty) {
                case "RSA": {
                    BigInteger n = new BigInteger(1, base64url(jwk.get("n")));
                    BigInteger e = new BigInteger(1, base64url(jwk.get("e")));
                    return Optional.of(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
                }
                case "EC": {
                    String crv = jwk.getOrDefault("crv", "");
                    int size = crv.equals("P-256") ? 32 : crv.equals("P-384") ? 48 : -1;
                    byte[] x = base64url(jwk.get("x"));
                    byte[] y = base64url(jwk.get("y"));
                    if (size < 0 || x.length != size || y.length != size) {
                        return Optional.empty();
                    }
                    byte[] prefix = size == 32 ? P256_SPKI_PREFIX : P384_SPKI_PREFIX;
                    return spki(concat(prefix, new byte[] {0x04}, x, y)).map(Key.class::cast);
                }
                case "OKP": {
                    byte[] x = base64url(jwk.get("x"));
                    if (!"Ed25519".equals(jwk.get("crv")) || x.length != 32) {
                        return Optional.empty();
                    }
                    return spki(concat(ED25519_SPKI_PREFIX, x)).map(Key.class::cast);
                }
                case "oct":
                    return Optional.of(new SecretKeySpec(base64url(jwk.get("k")), "HmacSHA256"));
                default:
                    return Optional.empty();
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A shared secret for {@code hmac-sha256}. */
    public static Key sharedSecret(byte[] secret) {
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    private record Pem(String type, byte[] der) {
    }

    private static Optional<Pem> pemBlock(String pem) {
        if (pem == null || pem.length() > MAX_PEM_CHARS) {
            return Optional.empty();
        }
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            return Optional.empty();
        }
        // Actors publish PEM with \n, \r\n, or escaped newlines collapsed to spaces: drop them all.
        String base64 = matcher.group(2).replaceAll("[\\s]|\\\\n|\\\\r", "");
        try {
            return Optional.of(new Pem(matcher.group(1), Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<PublicKey> spki(byte[] der) {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm: try the next
            }
        }
        return Optional.empty();
    }

    private static Optional<PrivateKey> pkcs8(byte[] der) {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm: try the next
            }
        }
        return Optional.empty();
    }

    private static byte[] base64url(String value) {
        if (value == null) {
            throw new IllegalArgumentException("missing JWK member");
        }
        return Base64.getUrlDecoder().decode(value);
    }

    // --- minimal DER, only to wrap PKCS#1 keys into the SPKI / PKCS#8 envelopes the JDK reads ---

    private static byte[] sequence(byte[]... parts) {
        return encode(0x30, concat(parts));
    }

    private static byte[] bitString(byte[] content) {
        return encode(0x03, concat(new byte[] {0}, content));
    }

    private static byte[] encode(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String text) {
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2).toLowerCase(Locale.ROOT), 16);
        }
        return bytes;
    }
}
