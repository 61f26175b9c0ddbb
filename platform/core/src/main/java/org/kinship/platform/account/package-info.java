/** The person behind the pseudonyms: an opaque identity-provider subject and nothing identifying. */
package org.kinship.platform.account;
