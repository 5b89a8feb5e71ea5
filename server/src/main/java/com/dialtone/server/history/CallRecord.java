package com.dialtone.server.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the history keeps of one call, as {@link CallHistory} has followed it so far: immutable, so it can
 * be handed from the switch's thread to the writer's. Written whole each time (a newer record of the
 * same call replaces the older one), which is what lets the writer coalesce them.
 *
 * @param id             the call resource's id
 * @param callType       as in the call resource: Internal, Inbound, Outbound, Consult
 * @param parentCallId   for a consult call, the call it consulted about; else null
 * @param endedAt        when the last party left; null while the call goes on
 * @param userData       the call's user data as it is now (as it ended, once ended)
 * @param recordingState the latest recording state (Recording, Paused, Stopped); null if never recorded
 * @param parties        every party the call has had, in order of joining
 * @param states         every state each party went through, in order
 */
public record CallRecord(String id, String connId, String callUuid, String callType, String parentCallId, Instant startedAt,
                         Instant endedAt, Map<String, Object> userData, String recordingState, List<Party> parties,
                         List<State> states) {

    public CallRecord {
        userData = Collections.unmodifiableMap(new LinkedHashMap<>(userData)); // keeps the keys' order
        parties = List.copyOf(parties);
        states = List.copyOf(states);
    }

    /**
     * One party, with the user its DN belonged to at the time (devices can be reassigned later).
     *
     * @param seq        its place in the call's order of joining, from 0
     * @param userId     the owner of the DN then; null for external numbers and unassigned DNs
     * @param userName   that user's name then
     * @param releasedAt null while it is in the call
     */
    public record Party(int seq, String phoneNumber, String userId, String userName, Instant joinedAt, Instant releasedAt) {
    }

    /** A party entered {@code state} (GWS spelling: Dialing, Ringing, Established, Held, Released) at {@code at}. */
    public record State(String phoneNumber, String state, Instant at) {
    }
}
