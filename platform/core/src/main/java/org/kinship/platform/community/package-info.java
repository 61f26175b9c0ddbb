/**
 * Communities and membership: pseudonyms unique per community, roles per community, the approval
 * queue and invitation links. The aggregates guard their own rules; the services check who asks.
 */
package org.kinship.platform.community;
