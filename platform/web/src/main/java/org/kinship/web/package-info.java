/** The HTTP edge of the platform: the REST API, sign-in, health, and serving the web client. */
package org.kinship.web;
