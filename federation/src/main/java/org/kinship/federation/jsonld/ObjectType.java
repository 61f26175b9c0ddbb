package org.kinship.federation.jsonld;

/** The objects Kinship reads; anything else is {@link #UNKNOWN}. */
public enum ObjectType {
    NOTE, PAGE, ARTICLE, QUESTION, EVENT, TOMBSTONE, IMAGE, VIDEO, DOCUMENT, PLACE,
    GROUP, PERSON, SERVICE, APPLICATION, ORGANIZATION,
    COLLECTION, ORDERED_COLLECTION, COLLECTION_PAGE, ORDERED_COLLECTION_PAGE,
    /** None of the sender's types is one of the above. */
    UNKNOWN;

    /** Whether this is one of the actor types (can follow, be followed, sign). */
    public boolean isActor() {
        return this == GROUP || this == PERSON || this == SERVICE || this == APPLICATION || this == ORGANIZATION;
    }
}
