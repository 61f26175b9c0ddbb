/** The edge between WildFly's OIDC identity and Kinship's callers, plus sign-in and sign-out pages. */
package org.kinship.web.security;
