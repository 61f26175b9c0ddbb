/**
 * HTTP message signatures for server-to-server ActivityPub: signing outgoing requests with
 * draft-cavage-12 {@code rsa-sha256} (what Mastodon, Lemmy, Mbin and NodeBB accept) and verifying
 * incoming ones signed either that way or with RFC 9421.
 *
 * <p>Pure library code: no CDI, no JAX-RS, no network. Fetching a remote actor's key stays with the
 * caller ({@link org.kinship.federation.signature.KeyResolver}), so the inbox can apply its
 * allow/block policy before anything is fetched. Verification never throws for bad input: it
 * answers {@link org.kinship.federation.signature.VerificationResult.Verified} or
 * {@link org.kinship.federation.signature.VerificationResult.Refused} with a stable
 * {@link org.kinship.federation.signature.RefusalReason}.
 */
package org.kinship.federation.signature;
