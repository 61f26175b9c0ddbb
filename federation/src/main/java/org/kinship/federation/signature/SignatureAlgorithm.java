package org.kinship.federation.signature;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The signature algorithms of the RFC 9421 registry we accept, mapped onto the JDK's providers.
 * draft-cavage {@code rsa-sha256} and {@code hs2019} with an RSA key both use
 * {@link #RSA_V1_5_SHA256}.
 */
enum SignatureAlgorithm {
    RSA_V1_5_SHA256("rsa-v1_5-sha256"),
    RSA_PSS_SHA512("rsa-pss-sha512"),
    ECDSA_P256_SHA256("ecdsa-p256-sha256"),
    ECDSA_P384_SHA384("ecdsa-p384-sha384"),
    ED25519("ed25519"),
    HMAC_SHA256("hmac-sha256");

    /** Shorter RSA keys are refused; 1024 stays allowed because the cavage vectors' key and some old servers' keys have that size. */
    static final int MIN_RSA_BITS = 1024;

    private final String rfcName;

    SignatureAlgorithm(String rfcName) {
        this.rfcName = rfcName;
    }

    String rfcName() {
        return rfcName;
    }

    static Optional<SignatureAlgorithm> byRfcName(String name) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.rfcName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm a key implies when neither the signature nor the key document names one. */
    static Optional<SignatureAlgorithm> impliedBy(Key key) {
        if (key instanceof SecretKey) {
            return Optional.of(HMAC_SHA256);
        }
        if (key instanceof RSAKey) {
            // The Fediverse's RSA keys sign PKCS#1 v1.5; PSS keys must say so (alg or JWK).
            return Optional.of(RSA_V1_5_SHA256);
        }
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits == 256 ? Optional.of(ECDSA_P256_SHA256) : bits == 384 ? Optional.of(ECDSA_P384_SHA384) : Optional.empty();
        }
        String name = key.getAlgorithm();
        if ("Ed25519".equalsIgnoreCase(name) || "EdDSA".equalsIgnoreCase(name)) {
            return Optional.of(ED25519);
        }
        return Optional.empty();
    }

    /** Whether the key has the type this algorithm needs (so a provider is never fed a wrong key). */
    boolean fits(Key key) {
        switch (this) {
            case RSA_V1_5_SHA256:
            case RSA_PSS_SHA512:
                return key instanceof RSAKey rsa && rsa.getModulus().bitLength() >= MIN_RSA_BITS;
            case ECDSA_P256_SHA256:
                return key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
            case ECDSA_P384_SHA384:
                return key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 384;
            case ED25519:
                return "Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm());
            case HMAC_SHA256:
                return key instanceof SecretKey;
            default:
                return false;
        }
    }

    boolean verify(Key key, byte[] data, byte[] signature) throws GeneralSecurityException {
        if (this == HMAC_SHA256) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return MessageDigest.isEqual(mac.doFinal(data), signature);
        }
        if (!(key instanceof PublicKey publicKey)) {
            throw new InvalidKeyException("not a public key");
        }
        Signature verifier = signature();
        verifier.initVerify(publicKey);
        verifier.update(data);
        return verifier.verify(signature);
    }

    byte[] sign(Key key, byte[] data) throws GeneralSecurityException {
        if (this == HMAC_SHA256) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        }
        if (!(key instanceof PrivateKey privateKey)) {
            throw new InvalidKeyException("not a private key");
        }
        Signature signer = signature();
        signer.initSign(privateKey);
        signer.update(data);
        return signer.sign();
    }

    private Signature signature() throws GeneralSecurityException {
        switch (this) {
            case RSA_V1_5_SHA256:
                return Signature.getInstance("SHA256withRSA");
            case RSA_PSS_SHA512: {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
                return pss;
            }
            case ECDSA_P256_SHA256:
                // RFC 9421 carries r||s, not DER: the P1363 format.
                return Signature.getInstance("SHA256withECDSAinP1363Format");
            case ECDSA_P384_SHA384:
                return Signature.getInstance("SHA384withECDSAinP1363Format");
            case ED25519:
                return Signature.getInstance("Ed25519");
            default:
                throw new IllegalStateException("no JCA signature for " + this);
        }
    }
}
