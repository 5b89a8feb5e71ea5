package com.dialtone.server.calls;

import com.dialtone.server.api.Features;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.RecordingState;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a device's view of a switch call into the GWS call resource. The only place that does: GET
 * replies and CometD notifications both call it, so a client that recovers state with GET sees exactly
 * what it receives live.
 */
public final class CallMapper {

    private final PublicUrls urls;
    private final Features features;

    public CallMapper(PublicUrls urls, Features features) {
        this.urls = urls;
        this.features = features;
    }

    public CallResource toResource(CallView view, Instant now) {
        CallSnapshot call = view.call();
        PartySnapshot self = view.party();
        String parentUri = call.parentCallId() == null ? null : urls.call(call.parentCallId());
        String parentPath = call.parentCallId() == null ? null : path(call.parentCallId());
        return new CallResource(
                call.id(),
                stateName(self.state()),
                call.id(),
                call.connId(),
                urls.device(view.device().id()),
                call.partiesSeenBy(view.dn()).stream().filter(p -> isHeardBy(self, p)).map(p -> Participant.of(p.number())).toList(),
                // The calling number is shown to the called side of a call from outside only: a real GWS shows
                // none on a colleague's call (shared/spec/wwe-8.5-session.md, b.2).
                call.type() == CallType.INBOUND && !view.dn().equals(call.ani()) ? call.ani() : null,
                call.dnis(),
                typeName(call.type()),
                CallCapabilities.of(view, features),
                call.userData().isEmpty() ? null : GwsKeyOrder.of(call.userData().asMap()),
                Long.toString(duration(self, now)),
                self.muted() || self.monitoring() == MonitoringMode.LISTEN_IN ? "On" : "Off",
                call.recording() == null ? null : recordingStateName(call.recording()),
                supervisorListeningIn(call, self),
                self.isMonitoring() ? call.activeParties().stream().anyMatch(PartySnapshot::mutedBySupervisor) : self.mutedBySupervisor(),
                self.isMonitoring(),
                parentUri,
                parentPath,
                urls.call(call.id()),
                path(call.id()),
                // GWS's case data (UCS's contact for the interaction) comes with an established call; Dialtone has
                // no UCS contact to show, so it is empty.
                self.state() == PartyState.ESTABLISHED ? java.util.List.of() : null);
    }

    /**
     * A supervisor who listens in or coaches is hidden from the others' participants (the customer must not
     * learn of them, and an agent's desktop shows them through {@code supervisorListeningIn}); one who
     * barges in is a participant like any other. The supervisor sees everyone.
     */
    private static boolean isHeardBy(PartySnapshot self, PartySnapshot other) {
        return !other.isMonitoring() || other.monitoring() == MonitoringMode.BARGE_IN || self.isMonitoring();
    }

    /**
     * On the supervisor's call: whether it is listening in now. On anyone else's: whether a supervisor is
     * monitoring the call without barging in, which a desktop shows the agent.
     */
    private static boolean supervisorListeningIn(CallSnapshot call, PartySnapshot self) {
        if (self.isMonitoring()) {
            return self.monitoring() == MonitoringMode.LISTEN_IN;
        }
        return call.activeParties().stream().anyMatch(p -> p.isMonitoring() && p.monitoring() != MonitoringMode.BARGE_IN);
    }

    /** GWS spells states with a capital first letter: Dialing, Ringing, Established, Held, Released. */
    public static String stateName(PartyState state) {
        return capitalised(state.name());
    }

    /** Internal, Inbound, Outbound, Consult. */
    public static String typeName(CallType type) {
        return capitalised(type.name());
    }

    /** Recording, Paused, Stopped. */
    public static String recordingStateName(RecordingState state) {
        return capitalised(state.name());
    }

    private static String path(String callId) {
        return "/calls/" + callId;
    }

    /** Whole seconds the party has been in the call: until now, or until it left. */
    private static long duration(PartySnapshot party, Instant now) {
        Instant end = party.releasedAt() != null ? party.releasedAt() : now;
        return Math.max(0, Duration.between(party.joinedAt(), end).toSeconds());
    }

    private static String capitalised(String constant) {
        return constant.charAt(0) + constant.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
