/**
 * The forum: categories, threads and replies written at one's own pace, closed circles, supportive
 * reactions and read markers. Who may read a thread is decided in one place, {@link org.kinship.platform.forum.ForumAccess}.
 */
package org.kinship.platform.forum;
