package com.dialtone.server.notifications;

import com.dialtone.server.calls.CallResource;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** The {@code data} of a notification about a call, as in the GWS Dial sample. */
@JsonPropertyOrder({"notificationType", "call", "phoneNumber", "extensions", "messageType", "metrics", "channel"})
public record CallStateChangeMessage(String notificationType, CallResource call, String phoneNumber,
                                     Map<String, Object> extensions, String messageType, Metrics metrics, String channel) {

    /** T-Server's extension for an ordinary (not private) call. */
    static final Map<String, Object> EXTENSIONS = Map.of("BusinessCall", 0);

    static CallStateChangeMessage of(String notificationType, CallResource call, String phoneNumber, Metrics metrics) {
        return of(notificationType, call, phoneNumber, EXTENSIONS, metrics);
    }

    static CallStateChangeMessage of(String notificationType, CallResource call, String phoneNumber, Map<String, Object> extensions,
                                     Metrics metrics) {
        return new CallStateChangeMessage(notificationType, call, phoneNumber, extensions, "CallStateChangeMessage",
                metrics, CallNotifier.CHANNEL);
    }

    /**
     * A {@code DtmfSent} says which digits went and who sent them, as T-Server's EventDTMFSent does: the
     * agent's own, or a customer's keypad.
     */
    static Map<String, Object> dtmfExtensions(String sender, String digits) {
        return Map.of("BusinessCall", 0, "DTMFDigits", digits, "DTMFSender", sender);
    }
}
