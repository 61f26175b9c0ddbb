package org.kinship.platform.forum;

import org.kinship.platform.community.Role;

/** Who may start threads in a category (anyone may reply). */
public enum StartPolicy {
    MEMBERS,
    /** For announcements and welcome threads: moderators and admins start, members answer. */
    MODERATORS;

    boolean allows(Role role) {
        return this == MEMBERS ? role != null : role.canModerate();
    }
}
