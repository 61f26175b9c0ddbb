/**
 * The ActivityPub edge: actors, WebFinger, NodeInfo, HTTP signatures, inbox, outbox and delivery.
 * It observes platform events and never lets REST or WebSocket code sign or POST.
 * (Built out by the federation issue; the module exists now so the EAR's shape is final.)
 */
package org.kinship.federation;
