/** The REST API: resources, request and response payloads, and the one error mapping. */
package org.kinship.web.api;
