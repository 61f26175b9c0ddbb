package org.kinship.federation.signature;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.federation.signature.CavageVectorsTest.assertRefused;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Garbage, oversize and adversarial signature fields: refused, never an exception. */
class HostileInputTest {

    private final SignatureVerifier verifier = SignerTest.verifier();
    /** Signed once: RSA signing costs milliseconds, and the loops below need only its headers. */
    private final HttpMessage signedPost = SignerTest.signer(SignerTest.NOW).sign(SignerTest.post());

    private VerificationResult withField(String name, String value) {
        HttpMessage signed = signedPost;
        return verifier.verify(signed.withHeaders(signed.headers().without("Signature").with(name, value)));
    }

    @Test
    void oversizeSignatureHeadersAreRefusedUnread() {
        assertRefused(RefusalReason.SIGNATURE_MALFORMED, withField("Signature", "keyId=\"" + "a".repeat(100_000) + "\""));
        assertRefused(RefusalReason.SIGNATURE_MALFORMED, withField("Signature-Input", "sig=(" + "\"a\" ".repeat(10_000) + ")"));
    }

    @Test
    void malformedCavageHeadersAreRefused() {
        String[] garbage = {
            "", ",,,", "keyId", "keyId=", "keyId=\"unterminated", "keyId=\"a\" keyId=\"b\"", "keyId=\"a\",keyId=\"b\",signature=\"x\"",
            "signature=\"abc\"", "keyId=\"k\"", "=\"x\"", "\u0000\u0001", "keyId=\"" + SignerTest.KEY_ID + "\",signature=\"***\",headers=\"(request-target) host date digest\"",
            "keyId=\"" + SignerTest.KEY_ID + "\",signature=\"abc\",headers=\"(request-target) host date digest (nonsense)\"",
            "keyId=\"" + SignerTest.KEY_ID + "\",algorithm=\"hs2019\",created=soon,signature=\"abc\"",
            "keyId=\"" + SignerTest.KEY_ID + "\",algorithm=\"hs2019\",created=9223372036854775807,expires=Infinity,signature=\"abc\"",
            "keyId=\"" + SignerTest.KEY_ID + "\",algorithm=\"hs2019\",expires=NaN,signature=\"abc\"",
            "keyId=\"" + SignerTest.KEY_ID + "\",signature=\"abc\",headers=\"" + "x ".repeat(100) + "\"",
        };
        for (String value : garbage) {
            VerificationResult result = withField("Signature", value);
            assertNotNull(result);
            assertFalse(result.isVerified(), value);
        }
        assertRefused(RefusalReason.SIGNATURE_MALFORMED, withField("Signature", "keyId=\"k\""));
        assertRefused(RefusalReason.SIGNATURE_MALFORMED, withField("Signature", "keyId=\"a\", keyId=\"a\", signature=\"x\""));
    }

    @Test
    void lenientAboutWhitespaceAndOrder() {
        HttpMessage signed = signedPost;
        String value = signed.headers().first("signature").orElseThrow();
        String[] parts = value.split(",");
        String reordered = "  " + parts[3] + " ,\t" + parts[2] + " , " + parts[0].replace("=", " = ") + ",   " + parts[1] + "  ";
        assertTrue(verifier.verify(signed.withHeaders(signed.headers().replacing("Signature", reordered))).isVerified(), reordered);
    }

    @Test
    void malformedRfc9421FieldsAreRefused() {
        String[] inputs = {
            "", "sig", "sig=", "sig=(", "sig=(\"@method\"", "sig=(\"@method\");created=abc", "sig=(@method)", "SIG=(\"@method\")",
            "sig=(\"@method\");keyid=1", "sig=(\"@method\" \"@method\");keyid=\"k\"", "sig=(\"Host\");keyid=\"k\"",
            "sig=(\"@unknown\");keyid=\"k\";created=1772366400", "sig=(\"@query-param\");keyid=\"k\";created=1772366400",
            "sig=(\"x\";tr);keyid=\"k\"", "sig=\"not a list\"", "sig=();created=99999999999999999999",
        };
        for (String input : inputs) {
            for (String signature : new String[] {"sig=:AAAA:", "sig=garbage", "", "other=:AAAA:"}) {
                HttpMessage signed = signedPost;
                VerificationResult result = verifier.verify(signed.withHeaders(signed.headers().without("Signature")
                        .with("Signature-Input", input).with("Signature", signature)));
                assertFalse(result.isVerified(), input + " / " + signature);
            }
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        String alphabet = "keyIdsignaturealgorithmheaders=\",;:()@ \t\\*?-_0123456789ABCDEFabcdef+/";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(200);
            for (int j = 0; j < length; j++) {
                value.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x300) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = new String[] {"Signature", "Signature-Input", "Authorization"}[i % 3];
            String text = name.equals("Authorization") ? "Signature " + value : value.toString();
            HttpMessage signed = signedPost;
            HttpMessage message = signed.withHeaders(signed.headers().without("Signature").with(name, text)
                    .with(i % 2 == 0 ? "Signature" : "X-Other", "sig=" + value));
            assertFalse(verifier.verify(message).isVerified(), text);
        }
    }
}
