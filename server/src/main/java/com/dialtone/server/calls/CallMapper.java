package com.dialtone.server.calls;

import com.dialtone.server.http.PublicUrls;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a device's view of a switch call into the GWS call resource. The only place that does: GET
 * replies and CometD notifications both call it, so a client that recovers state with GET sees exactly
 * what it receives live.
 */
public final class CallMapper {

    private final PublicUrls urls;

    public CallMapper(PublicUrls urls) {
        this.urls = urls;
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
                call.partiesSeenBy(view.dn()).stream().map(p -> Participant.of(p.number())).toList(),
                view.dn().equals(call.ani()) ? null : call.ani(),
                call.dnis(),
                typeName(call.type()),
                CallCapabilities.of(view),
                call.userData().isEmpty() ? null : call.userData().asMap(),
                Long.toString(duration(self, now)),
                self.muted() ? "On" : "Off",
                call.recording() == null ? null : capitalised(call.recording().name()),
                false,
                false,
                false,
                parentUri,
                parentPath,
                urls.call(call.id()),
                path(call.id()));
    }

    /** GWS spells states with a capital first letter: Dialing, Ringing, Established, Held, Released. */
    public static String stateName(PartyState state) {
        return capitalised(state.name());
    }

    static String typeName(CallType type) {
        return capitalised(type.name());
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
