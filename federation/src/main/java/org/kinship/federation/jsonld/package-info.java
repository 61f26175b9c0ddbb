/**
 * Reading incoming ActivityPub JSON-LD into a small model that carries no JSON-LD.
 *
 * <p>{@link org.kinship.federation.jsonld.ActivityReader} bounds the body (size, nesting) with a streaming
 * JSON-P pass, expands it with Titanium against the context documents bundled here
 * ({@link org.kinship.federation.jsonld.ContextDocuments}, never fetched), turns it into RDF statements and
 * reads what Kinship needs into {@link org.kinship.federation.jsonld.Incoming} and
 * {@link org.kinship.federation.jsonld.IncomingObject}. Every input ends as a
 * {@link org.kinship.federation.jsonld.ReadResult}: read, or refused with a stable reason code. Nothing
 * else in Kinship should need to know that ActivityStreams is JSON-LD.
 */
package org.kinship.federation.jsonld;
