package com.dialtone.server.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One call of {@code GET /api/v2/me/call-history} (and {@code /api/v2/call-history}), field for field as
 * docs/call-history.md shows it. Times are ISO-8601 instants in UTC; absent values are left out, except
 * {@code userData} (always an object) and {@code completed}.
 *
 * @param duration seconds from the start of the call to its end; absent while it has no end
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "connId", "callUuid", "callType", "parentCallId", "startedAt", "endedAt", "duration", "parties", "states",
        "userData", "recordingState", "note", "completed", "completedAt", "callDuration", "completionUserData"})
public record HistoryEntry(String id, String connId, String callUuid, String callType, String parentCallId, String startedAt,
                           String endedAt, Long duration, List<Party> parties, List<State> states, Map<String, Object> userData,
                           String recordingState, String note, boolean completed, String completedAt, Long callDuration,
                           Map<String, Object> completionUserData) {

    /** A party: a DN with the name of the user it belonged to then, or an external number. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"phoneNumber", "userName", "joinedAt", "releasedAt"})
    public record Party(String phoneNumber, String userName, String joinedAt, String releasedAt) {
    }

    @JsonPropertyOrder({"phoneNumber", "state", "at"})
    public record State(String phoneNumber, String state, String at) {
    }

    static HistoryEntry of(HistoryStore.StoredCall stored) {
        CallRecord call = stored.call();
        HistoryStore.Interaction interaction = stored.interaction();
        return new HistoryEntry(call.id(), call.connId(), call.callUuid(), call.callType(), call.parentCallId(), text(call.startedAt()),
                text(call.endedAt()), call.endedAt() == null ? null : Duration.between(call.startedAt(), call.endedAt()).toSeconds(),
                call.parties().stream().map(p -> new Party(p.phoneNumber(), p.userName(), text(p.joinedAt()), text(p.releasedAt()))).toList(),
                call.states().stream().map(s -> new State(s.phoneNumber(), s.state(), text(s.at()))).toList(),
                call.userData(), call.recordingState(), interaction.note(), interaction.completedAt() != null,
                text(interaction.completedAt()), interaction.callDuration(),
                interaction.completionUserData().isEmpty() ? null : interaction.completionUserData());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
