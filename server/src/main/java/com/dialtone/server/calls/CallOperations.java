package com.dialtone.server.calls;

import com.dialtone.server.api.Features;
import com.dialtone.server.auth.User;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.server.http.SwitchResults;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.RecordingState;
import com.dialtone.switching.Switch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /api/v2/me/calls/{id}}: finds the operation, the call and whether the operation is among
 * the call's capabilities, in that order, before the first thing that changes anything.
 */
public final class CallOperations {

    private final Map<String, CallOperation> byName;
    private final UserCalls calls;
    private final Features features;

    public CallOperations(Switch telephony, UserCalls calls, Features features) {
        this(operations(telephony), calls, features);
    }

    /** Every GWS call operation and the switch request it makes: the whole call-control API on one page. */
    static List<CallOperation> operations(Switch sw) {
        return List.of(
                CallOperation.of("Answer", (call, p) -> sw.answer(call.id(), call.dn())),
                CallOperation.of("Reject", (call, p) -> sw.reject(call.id(), call.dn())),
                CallOperation.of("Hangup", (call, p) -> sw.release(call.id(), call.dn())),
                CallOperation.of("ClearCall", (call, p) -> sw.clearCall(call.id(), call.dn())),
                CallOperation.of("Hold", (call, p) -> sw.hold(call.id(), call.dn())),
                CallOperation.of("Retrieve", (call, p) -> sw.retrieve(call.id(), call.dn())),
                CallOperation.of("MuteCall", (call, p) -> sw.setMuted(call.id(), call.dn(), true)),
                CallOperation.of("UnmuteCall", (call, p) -> sw.setMuted(call.id(), call.dn(), false)),
                CallOperation.of("SendDtmf", (call, p) -> sw.sendDtmf(call.id(), call.dn(), p.requiredText("digits"))),
                CallOperation.of("AttachUserData", (call, p) -> sw.attachUserData(call.id(), call.dn(), p.requiredUserData("userData"))),
                CallOperation.of("UpdateUserData", (call, p) -> sw.updateUserData(call.id(), call.dn(), p.requiredUserData("userData"))),
                CallOperation.of("DeleteUserData", (call, p) -> sw.deleteUserData(call.id(), call.dn())),
                CallOperation.of("DeleteUserDataPair", (call, p) -> sw.deleteUserDataPair(call.id(), call.dn(), p.requiredText("key"))),
                CallOperation.of("SingleStepTransfer", (call, p) -> {
                    Destination d = Destination.from(p);
                    return sw.singleStepTransfer(call.id(), call.dn(), d.phoneNumber(), d.userData(), d.location());
                }),
                CallOperation.of("SingleStepConference", (call, p) -> {
                    Destination d = Destination.from(p);
                    return sw.singleStepConference(call.id(), call.dn(), d.phoneNumber(), d.userData(), d.location());
                }),
                CallOperation.of("InitiateTransfer", (call, p) -> {
                    Destination d = Destination.from(p);
                    return sw.initiateConsult(call.id(), call.dn(), d.phoneNumber(), d.userData(), d.location());
                }),
                CallOperation.of("InitiateConference", (call, p) -> {
                    Destination d = Destination.from(p);
                    return sw.initiateConsult(call.id(), call.dn(), d.phoneNumber(), d.userData(), d.location());
                }),
                CallOperation.of("CompleteTransfer", (call, p) -> sw.completeTransfer(OtherCalls.consultOf(call, p).id(), call.dn())),
                CallOperation.of("CompleteConference", (call, p) -> sw.completeConference(OtherCalls.consultOf(call, p).id(), call.dn())),
                CallOperation.of("RemoveParticipantFromConference", (call, p) -> sw.removeParty(call.id(), call.dn(), p.requiredText("participant"))),
                CallOperation.of("SwapCalls", (call, p) -> sw.swap(call.id(), call.dn(), OtherCalls.swapPartnerOf(call, p).id())),
                CallOperation.of("StartCallRecording", (call, p) -> sw.setRecording(call.id(), call.dn(), RecordingState.RECORDING)),
                CallOperation.of("PauseCallRecording", (call, p) -> sw.setRecording(call.id(), call.dn(), RecordingState.PAUSED)),
                CallOperation.of("ResumeCallRecording", (call, p) -> sw.setRecording(call.id(), call.dn(), RecordingState.RECORDING)),
                CallOperation.of("StopCallRecording", (call, p) -> sw.setRecording(call.id(), call.dn(), RecordingState.STOPPED)),
                CallOperation.of("SwitchToListenIn", (call, p) -> sw.setMonitoringMode(call.id(), call.dn(), MonitoringMode.LISTEN_IN)),
                CallOperation.of("SwitchToBargeIn", (call, p) -> sw.setMonitoringMode(call.id(), call.dn(), MonitoringMode.BARGE_IN)),
                CallOperation.of("MuteMonitoredUser", (call, p) -> sw.setMonitoredPartyMuted(call.id(), call.dn(), true)),
                CallOperation.of("UnmuteMonitoredUser", (call, p) -> sw.setMonitoredPartyMuted(call.id(), call.dn(), false)));
    }

    CallOperations(List<CallOperation> operations, UserCalls calls, Features features) {
        this.byName = operations.stream().collect(Collectors.toUnmodifiableMap(CallOperation::name, Function.identity()));
        this.calls = calls;
        this.features = features;
    }

    public Map<String, Object> perform(User user, String callId, JsonNode body) {
        Params params = Params.of(body);
        String name = params.requiredText("operationName");
        CallOperation operation = byName.get(name);
        if (operation == null) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name + "' for a call; known: "
                    + String.join(", ", byName.keySet().stream().sorted().toList()));
        }
        CallView call = calls.find(user, callId);
        List<String> capabilities = CallCapabilities.of(call, features);
        if (!capabilities.contains(name)) {
            String feature = CallCapabilities.featureOf(name);
            throw new GwsException(StatusCode.INVALID_STATE, name + " is not available while the call is "
                    + CallMapper.stateName(call.state())
                    + (feature != null && !features.assigned(feature) ? " (the feature " + feature + " is not assigned)" : "")
                    + "; available: " + String.join(", ", capabilities));
        }
        SwitchResults.await(operation.perform(call, params));
        return Reply.ok();
    }

    /** The names of every operation this server performs on calls. */
    public Set<String> names() {
        return byName.keySet();
    }
}
