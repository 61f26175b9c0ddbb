/**
 * Live chat: rooms of a community (public, restricted, or a direct conversation between two
 * members), messages numbered per room so that nothing is lost or shown twice, and the rules of who
 * may read and write where. Messages are stored before anyone is told about them; what happened is
 * published as a {@link org.kinship.platform.chat.ChatEvent} after commit and delivered to connected
 * people by a {@link org.kinship.platform.chat.ChatFanout}.
 */
package org.kinship.platform.chat;
