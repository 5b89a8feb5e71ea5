package com.dialtone.server.calls;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The GWS call resource, field for field in the order of the Dial sample. Absent values are left out
 * ({@code userData} when empty, {@code ani} but on the called side of a call from outside, {@code recordingState}
 * until a recording is started, {@code parentCallUri} when not a consult, {@code case} unless established).
 * Made only by {@link CallMapper}; the same object goes into GET replies and into notifications.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "state", "callUuid", "connId", "deviceUri", "participants", "ani", "dnis", "callType",
        "capabilities", "userData", "duration", "mute", "recordingState", "supervisorListeningIn", "monitoredUserMuted", "monitoring",
        "parentCallUri", "parentCallPath", "uri", "path", "case"})
public record CallResource(String id, String state, String callUuid, String connId, String deviceUri,
                           List<Participant> participants, String ani, String dnis, String callType,
                           List<String> capabilities, Map<String, Object> userData, String duration, String mute,
                           String recordingState, boolean supervisorListeningIn, boolean monitoredUserMuted, boolean monitoring,
                           String parentCallUri, String parentCallPath, String uri, String path,
                           @JsonProperty("case") List<Object> caseData) {
}
