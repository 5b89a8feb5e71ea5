package com.dialtone.server.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The outcome of a UCS operation (SetCallNote, SetCallCompleted), as GWS publishes it after replying
 * with a {@code referenceId}: {@code {"referenceId":123,"messageType":"UcsOperationResponse","success":true}},
 * or {@code success} false with an {@code errorMessage}. GWS does not name its channel; Dialtone sends it
 * on {@link #CHANNEL}, which {@code /v2/me/*} covers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"referenceId", "messageType", "success", "errorMessage"})
public record UcsOperationResponse(long referenceId, String messageType, boolean success, String errorMessage) {

    public static final String CHANNEL = "/v2/me/ucs";

    public static UcsOperationResponse succeeded(long referenceId) {
        return new UcsOperationResponse(referenceId, "UcsOperationResponse", true, null);
    }

    public static UcsOperationResponse failed(long referenceId, String errorMessage) {
        return new UcsOperationResponse(referenceId, "UcsOperationResponse", false, errorMessage);
    }
}
