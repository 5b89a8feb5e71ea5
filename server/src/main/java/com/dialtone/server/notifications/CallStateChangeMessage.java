package com.dialtone.server.notifications;

import com.dialtone.server.calls.CallResource;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The {@code data} of a notification about a call, as in the GWS Dial sample and a real GWS 8.5.202 session;
 * {@code extensions} ({@link CallExtensions}) is left out where GWS sends none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"notificationType", "call", "phoneNumber", "extensions", "messageType", "metrics", "channel"})
public record CallStateChangeMessage(String notificationType, CallResource call, String phoneNumber,
                                     Map<String, Object> extensions, String messageType, Metrics metrics, String channel) {

    static CallStateChangeMessage of(String notificationType, CallResource call, String phoneNumber, Map<String, Object> extensions,
                                     Metrics metrics) {
        return new CallStateChangeMessage(notificationType, call, phoneNumber, extensions, "CallStateChangeMessage",
                metrics, CallNotifier.CHANNEL);
    }
}
