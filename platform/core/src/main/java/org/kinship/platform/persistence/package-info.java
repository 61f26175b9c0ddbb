/** Database plumbing shared by the use cases: migrations at start-up, the clock, constraint errors. */
package org.kinship.platform.persistence;
