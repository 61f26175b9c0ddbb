/**
 * Writing the ActivityPub documents Kinship serves and sends, as plain compact JSON-LD.
 *
 * <p>The reading side ({@link org.kinship.federation.jsonld}) needs a JSON-LD processor because peers write
 * JSON-LD in many shapes; the writing side does not: Kinship always writes one shape, under one
 * {@code @context} ({@link org.kinship.federation.document.Contexts}) whose every term is defined by the
 * bundled context documents, so a JSON-LD processor reads exactly what a peer that only looks at key names
 * (Lemmy, Mastodon, Mobilizon) reads. Plain data goes in (records, strings, URIs, instants), a
 * {@link jakarta.json.JsonObject} comes out, and {@link org.kinship.federation.document.JsonBytes} turns it
 * into the bytes that are signed and sent.
 *
 * <ul>
 *   <li>{@link org.kinship.federation.document.ActorDocuments}: the community's {@code Group}, a member's
 *       {@code Person} (a pseudonym and nothing else), the instance's {@code Application}.</li>
 *   <li>{@link org.kinship.federation.document.ObjectDocuments}: a thread's {@code Page}, a reply's
 *       {@code Note}, a meetup's {@code Event}, a {@code Tombstone}.</li>
 *   <li>{@link org.kinship.federation.document.ActivityDocuments}: Create, Update, Delete, Announce (FEP-1b12),
 *       Follow, Accept, Reject, Undo, Like, Flag, Block, Lock, Join, Leave.</li>
 *   <li>{@link org.kinship.federation.document.CollectionDocuments}: ordered collections and their pages.</li>
 *   <li>{@link org.kinship.federation.document.Discovery}: WebFinger and NodeInfo (plain JSON, not JSON-LD).</li>
 * </ul>
 *
 * <p>Nothing here adds a recipient the caller did not name ({@link org.kinship.federation.document.Addressing}),
 * and nothing writes {@code null} or an empty value: absent means absent.
 */
package org.kinship.federation.document;
