package com.dialtone.server.notifications;

import com.dialtone.switching.ReleaseCause;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Voice API's asynchronous error: a request that was accepted ({@code statusCode} 0) failed later.
 * Genesys names this message type but never published its fields; these are Dialtone's, documented in
 * docs/notifications.md.
 *
 * @param errorCode    a stable number per kind of failure (see {@link #codeOf})
 * @param errorMessage what happened, for people
 * @param callId       the call in which the destination was called
 * @param callUri      and its URI, as in the call resource
 * @param phoneNumber  the DN of the user's device, as in every call notification
 */
@JsonPropertyOrder({"messageType", "errorCode", "errorMessage", "callId", "callUri", "phoneNumber", "metrics", "channel"})
public record ErrorMessage(String messageType, int errorCode, String errorMessage, String callId, String callUri,
                           String phoneNumber, Metrics metrics, String channel) {

    static ErrorMessage destinationFailed(ReleaseCause cause, String destination, String callId, String callUri,
                                          String phoneNumber, Metrics metrics) {
        String message = switch (cause) {
            case BUSY -> "Destination " + destination + " is busy";
            case NO_ANSWER -> "Destination " + destination + " did not answer";
            case REJECTED -> "Destination " + destination + " rejected the call";
            default -> "Destination " + destination + " could not be reached";
        };
        return new ErrorMessage("ErrorMessage", codeOf(cause), message, callId, callUri, phoneNumber, metrics, CallNotifier.CHANNEL);
    }

    /** 101 busy, 102 no answer, 103 rejected, 100 anything else. */
    static int codeOf(ReleaseCause cause) {
        return switch (cause) {
            case BUSY -> 101;
            case NO_ANSWER -> 102;
            case REJECTED -> 103;
            default -> 100;
        };
    }
}
