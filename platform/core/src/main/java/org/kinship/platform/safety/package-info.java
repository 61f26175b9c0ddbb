/**
 * Noticing crisis language in what members write. {@link org.kinship.platform.safety.CrisisLanguage}
 * matches a community's list of phrases (edited by its admins, starting from the defaults in
 * {@code safety/crisis-en.txt} and {@code safety/crisis-nb.txt}) against a post. A match never blocks
 * the post: it alerts the moderators on duty and shows the author the community's crisis numbers.
 * The lists are a starting point for moderators, not a clinical instrument.
 */
package org.kinship.platform.safety;
