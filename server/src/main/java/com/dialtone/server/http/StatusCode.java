package com.dialtone.server.http;

/**
 * The GWS {@code statusCode} table (GWS 8.5.2 "Return values"), each with the HTTP status Dialtone
 * answers it with. Genesys documents the HTTP status of only a few codes; the rest follow
 * docs/compatibility.md.
 */
public enum StatusCode {
    OK(0, 200),
    MISSING_PARAMETER(1, 400),
    INVALID_STATE(2, 400),
    FORBIDDEN(3, 403),
    INTERNAL_ERROR(4, 500),
    NO_PERMISSION(5, 403),
    NOT_FOUND(6, 404),
    PASSWORD_CHANGE_REQUIRED(8, 403),
    INVALID_INPUT(10, 400),
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
