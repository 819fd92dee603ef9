package io.duckforge.store;

/**
 * The first answer to a request sent with an {@code Idempotency-Key}, kept so a retry gets it again.
 *
 * @param fingerprint what identifies the request (method, path, query, body); a retry must match it
 */
public record IdempotentAnswer(String fingerprint, int status, String contentType, String location, String etag,
                               byte[] body) {
}
