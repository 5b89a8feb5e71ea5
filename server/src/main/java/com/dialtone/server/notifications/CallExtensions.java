package com.dialtone.server.notifications;

import com.dialtone.server.calls.CallView;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartyState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code extensions} of a call notification: T-Server's event extensions as a real GWS 8.5.202 passes
 * them on (shared/spec/wwe-8.5-session.md, b.2), each filled from what Dialtone's switch really does, and
 * left out where it does nothing of the kind.
 *
 * <ul>
 *   <li>{@code BusinessCall}: 1 for a call that came through a routing point (a contact-centre call),
 *       0 for a direct one, as in GWS's Dial sample.</li>
 *   <li>Ringing: {@code OriginationDN} (the calling number) and {@code OriginationDN_location} (the
 *       switch's name); for a routed offer also the no-answer rule the switch applies to it:
 *       {@code NO_ANSWER_TIMEOUT} ({@code routing.offerTimeout}, seconds), {@code NO_ANSWER_ACTION}
 *       {@code notready} (the agent is made Not Ready) and {@code NO_ANSWER_OVERFLOW} {@code recall} (the
 *       call goes back to its queue).</li>
 *   <li>Established on a routed call: {@code WrapUpTime}, the after-call work that will follow (the
 *       user's {@code wrapUpTime}, seconds; 0 for none).</li>
 *   <li>{@code AttachedDataChanged}: none at all, as GWS sends it.</li>
 * </ul>
 * Numbers are JSON numbers, as in the capture.
 */
public final class CallExtensions {

    private final Set<String> routingPoints;
    private final Duration offerTimeout;
    private final String switchName;
    private final Function<String, Duration> wrapUpTimeOfUser;

    /**
     * @param wrapUpTimeOfUser a user's after-call work after a routed call, by user id; null for none
     */
    public CallExtensions(Set<String> routingPoints, Duration offerTimeout, String switchName, Function<String, Duration> wrapUpTimeOfUser) {
        this.routingPoints = Set.copyOf(routingPoints);
        this.offerTimeout = offerTimeout;
        this.switchName = switchName;
        this.wrapUpTimeOfUser = wrapUpTimeOfUser;
    }

    /** For a notification of this type about this view of a call; null when it has none. */
    Map<String, Object> of(String notificationType, CallView view) {
        if (notificationType.equals("AttachedDataChanged")) {
            return null;
        }
        CallSnapshot call = view.call();
        boolean routed = call.dnis() != null && routingPoints.contains(call.dnis());
        Map<String, Object> extensions = new LinkedHashMap<>();
        boolean statusChange = notificationType.equals("StatusChange");
        if (statusChange && view.state() == PartyState.RINGING) {
            if (routed) {
                extensions.put("NO_ANSWER_ACTION", "notready");
            }
            extensions.put("BusinessCall", routed ? 1 : 0);
            if (call.ani() != null) {
                extensions.put("OriginationDN", call.ani());
                extensions.put("OriginationDN_location", switchName);
            }
            if (routed) {
                extensions.put("NO_ANSWER_TIMEOUT", offerTimeout.toSeconds());
                extensions.put("NO_ANSWER_OVERFLOW", "recall");
            }
            return extensions;
        }
        extensions.put("BusinessCall", routed ? 1 : 0);
        if (statusChange && view.state() == PartyState.ESTABLISHED && routed && !view.party().isMonitoring()) {
            Duration wrapUp = wrapUpTimeOfUser.apply(view.device().ownerId());
            extensions.put("WrapUpTime", wrapUp == null ? 0 : wrapUp.toSeconds());
        }
        return extensions;
    }

    /** {@code DtmfSent}: which digits went and who sent them, as T-Server's EventDTMFSent says. */
    Map<String, Object> dtmf(CallView view, String sender, String digits) {
        Map<String, Object> extensions = of("DtmfSent", view);
        extensions.put("DTMFDigits", digits);
        extensions.put("DTMFSender", sender);
        return extensions;
    }
}
