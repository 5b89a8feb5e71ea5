package com.dialtone.server.http;

/**
 * The one error table: every GWS {@code statusCode} (GWS 8.5.2 "Return values") the server sends, each row
 * with the HTTP status it goes with. A code answered with more than one HTTP status (3 is 403 or, for a
 * method a path does not serve, 405; 10 is 400, 413 for a body over the limit or 415 for a body that is not
 * JSON; 4 is 500 or, when the switch does not take a request in time, 503) has a row per status, so no
 * caller picks an HTTP status of its own. Genesys documents the HTTP status of only a few codes; the rest
 * follow docs/compatibility.md.
 */
public enum StatusCode {
    OK(0, 200),
    MISSING_PARAMETER(1, 400),
    INVALID_STATE(2, 400),
    FORBIDDEN(3, 403),
    /** The path is served, but not with this method (the reply carries {@code Allow}). */
    METHOD_NOT_ALLOWED(3, 405),
    INTERNAL_ERROR(4, 500),
    /** The switch did not take the request in time: the voice service is unavailable for now. */
    SERVICE_UNAVAILABLE(4, 503),
    NO_PERMISSION(5, 403),
    NOT_FOUND(6, 404),
    /** Some of what was asked for was done, some not (StartContactCenterSession with an unserved channel). */
    PARTIAL_SUCCESS(7, 200),
    PASSWORD_CHANGE_REQUIRED(8, 403),
    INVALID_INPUT(10, 400),
    /** A request body over the server's limit. */
    BODY_TOO_LARGE(10, 413),
    /** A request body that is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(10, 415),
    READ_ONLY(11, 400),
    ALREADY_EXISTS(18, 403),
    IN_USE(19, 403),
    NOT_AUTHENTICATED(20, 401);

    private final int code;
    private final int httpStatus;

    StatusCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
