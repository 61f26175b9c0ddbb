/**
 * Small server-side probes that {@code FederationServerIT} deploys in a WAR of their own, to check what
 * the provisioned WildFly offers federation (the Jena module, the delivery queue) without the whole
 * application. Never part of kinship.ear.
 */
package org.kinship.it.probe;
