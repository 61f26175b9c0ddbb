/**
 * Moderation: one queue per community (reports, crisis alerts, newcomers to welcome), the actions
 * moderators take with a reason each, and the audit log that admins read.
 */
package org.kinship.platform.moderation;
