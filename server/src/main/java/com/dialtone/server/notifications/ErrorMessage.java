package com.dialtone.server.notifications;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Voice API's asynchronous error: a request that was accepted ({@code statusCode} 0) failed later.
 * Genesys names this message type but never published its fields; these are Dialtone's, documented in
 * docs/notifications.md.
 *
 * @param errorCode    a stable number per kind of failure (see {@link Failure})
 * @param errorMessage what happened, for people
 * @param callId       the call the failure ended
 * @param callUri      and its URI, as in the call resource
 * @param phoneNumber  the DN of the user's device, as in every call notification
 */
@JsonPropertyOrder({"messageType", "errorCode", "errorMessage", "callId", "callUri", "phoneNumber", "metrics", "channel"})
public record ErrorMessage(String messageType, int errorCode, String errorMessage, String callId, String callUri,
                           String phoneNumber, Metrics metrics, String channel) {

    /** The failures this server reports, with their codes. */
    public enum Failure {
        DESTINATION_BUSY(101, "Destination %s is busy"),
        NO_ANSWER(102, "Destination %s did not answer");

        final int code;
        final String message;

        Failure(int code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    static ErrorMessage of(Failure failure, String destination, String callId, String callUri, String phoneNumber, Metrics metrics) {
        return new ErrorMessage("ErrorMessage", failure.code, failure.message.formatted(destination), callId, callUri,
                phoneNumber, metrics, CallNotifier.CHANNEL);
    }
}
