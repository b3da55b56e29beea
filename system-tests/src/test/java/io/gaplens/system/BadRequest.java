package io.gaplens.system;

import java.util.Map;

/**
 * One request of the bad-request corpus.
 *
 * @param operation      the OpenAPI operation as {@code METHOD /path}, or a pseudo-operation such as
 *                       {@code catalog-service unknown path} for requests outside every operation
 * @param name           what is wrong with the request, such as {@code body.dueDate = "2026-02-30"}
 * @param method         the HTTP method sent
 * @param url            the full URL sent, already percent-encoded
 * @param headers        the headers sent
 * @param body           the body bytes, or null for none
 * @param declaredLength a body length to declare with {@code Expect: 100-continue} in place of
 *                       {@code body}, or 0 to send {@code body} as it is
 * @param field          the request field that the case breaks, which a 400 response with field errors must name,
 *                       or null
 * @param expectedStatus the one status that the case must get, or 0 when any 4xx status is right
 */
record BadRequest(String operation, String name, String method, String url, Map<String, String> headers, byte[] body,
                  long declaredLength, String field, int expectedStatus) {
}
