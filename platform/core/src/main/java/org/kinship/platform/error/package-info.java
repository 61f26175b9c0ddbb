/** The one error vocabulary: {@link org.kinship.platform.error.ErrorCode} and the exception that carries it. */
package org.kinship.platform.error;
