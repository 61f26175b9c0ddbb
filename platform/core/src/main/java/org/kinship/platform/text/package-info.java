/**
 * Text that members write and others read: Markdown in, HTML that is safe in a page out. Kept apart
 * from the communities because posts, replies and federated content all go through the same gate.
 */
package org.kinship.platform.text;
