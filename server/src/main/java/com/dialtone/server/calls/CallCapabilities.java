package com.dialtone.server.calls;

import com.dialtone.server.api.Features;
import com.dialtone.switching.CallType;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.RecordingState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a client may do with a call now: the {@code capabilities} of every call resource, and the check
 * every operation request passes. Computed here and only here, from the device's state in the call and
 * in its other calls, so what is advertised and what is accepted cannot drift apart (GWS 8.5 reference
 * §8.1; docs/compatibility.md says where Dialtone had to choose). An operation whose feature is not
 * assigned to the contact centre is never available (§1.7).
 */
public final class CallCapabilities {

    private static final Set<Operation> RECORDING = EnumSet.of(Operation.StartCallRecording, Operation.PauseCallRecording,
            Operation.ResumeCallRecording, Operation.StopCallRecording);
    private static final Set<Operation> SUPERVISOR = EnumSet.of(Operation.SwitchToListenIn, Operation.SwitchToBargeIn,
            Operation.MuteMonitoredUser, Operation.UnmuteMonitoredUser);
    private static final Set<Operation> USER_DATA =
            EnumSet.of(Operation.DeleteUserData, Operation.AttachUserData, Operation.DeleteUserDataPair, Operation.UpdateUserData);

    /**
     * Every call operation, in the order capabilities are listed: the relative order of GWS's Dial,
     * Answer and Hold samples, with the rest after.
     */
    public enum Operation {
        Answer, Reject, SingleStepTransfer, InitiateConference, Hold, Retrieve, SingleStepConference, InitiateTransfer,
        SwapCalls, CompleteConference, CompleteTransfer, RemoveParticipantFromConference,
        SendDtmf, DeleteUserData, AttachUserData, DeleteUserDataPair, Hangup, UpdateUserData, ClearCall,
        MuteCall, UnmuteCall, StartCallRecording, PauseCallRecording, ResumeCallRecording, StopCallRecording,
        SwitchToListenIn, SwitchToBargeIn, MuteMonitoredUser, UnmuteMonitoredUser
    }

    private CallCapabilities() {
    }

    /** The call's capabilities now, without the operations of features not assigned. */
    public static List<String> of(CallView view, Features features) {
        Set<Operation> allowed = allowed(view);
        // On the notification path: two set lookups when every feature is assigned, as it usually is.
        if (!features.assigned(Features.VOICE_RECORDING)) {
            allowed.removeAll(RECORDING);
        }
        if (!features.assigned(Features.SUPERVISOR_MONITORING)) {
            allowed.removeAll(SUPERVISOR);
        }
        return allowed.stream().map(Enum::name).toList();
    }

    /** The feature an operation needs besides {@code api-voice}, or null. */
    public static String featureOf(String operation) {
        Operation known;
        try {
            known = Operation.valueOf(operation);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        if (RECORDING.contains(known)) {
            return Features.VOICE_RECORDING;
        }
        return SUPERVISOR.contains(known) ? Features.SUPERVISOR_MONITORING : null;
    }

    static Set<Operation> allowed(CallView view) {
        if (view.party().isMonitoring()) {
            return monitoring(view);
        }
        Set<Operation> allowed = EnumSet.noneOf(Operation.class);
        boolean consulting = view.consultPartner().isPresent();
        boolean dialingElsewhere = view.otherIn(PartyState.DIALING).isPresent();
        boolean activeElsewhere = dialingElsewhere || view.otherIn(PartyState.ESTABLISHED).isPresent();
        switch (view.state()) {
            case RINGING -> {
                if (!dialingElsewhere) { // answering holds an established call, but cannot hold a dialling one
                    allowed.add(Operation.Answer);
                }
                // A real GWS offers a colleague's call (Internal, Consult) no Reject and no Hangup, only
                // ClearCall (shared/spec/wwe-8.5-session.md, b.2); a call from outside can be refused (GWS's
                // Reject, which sends a routed call back to its queue).
                if (view.call().type() == CallType.INBOUND) {
                    allowed.add(Operation.Reject);
                    allowed.add(Operation.Hangup);
                }
                allowed.addAll(USER_DATA);
                allowed.add(Operation.ClearCall);
            }
            case DIALING -> {
                allowed.add(Operation.SendDtmf);
                allowed.add(Operation.Hangup);
                allowed.addAll(USER_DATA);
                if (consulting) {
                    allowed.add(Operation.CompleteTransfer);
                    allowed.add(Operation.CompleteConference);
                }
            }
            case ESTABLISHED -> {
                allowed.addAll(EnumSet.of(Operation.SingleStepTransfer, Operation.SingleStepConference, Operation.Hold,
                        Operation.SendDtmf, Operation.Hangup));
                allowed.addAll(USER_DATA);
                allowed.add(Operation.ClearCall);
                allowed.add(view.party().muted() ? Operation.UnmuteCall : Operation.MuteCall);
                allowed.addAll(recording(view));
                if (consulting) {
                    allowed.add(Operation.CompleteTransfer);
                    allowed.add(Operation.CompleteConference);
                } else {
                    allowed.add(Operation.InitiateTransfer);
                    allowed.add(Operation.InitiateConference);
                }
                if (view.otherIn(PartyState.HELD).isPresent()) {
                    allowed.add(Operation.SwapCalls);
                }
                if (view.call().activeParties().stream().filter(p -> !p.isMonitoring()).count() >= 3) { // a supervisor does not make a conference
                    allowed.add(Operation.RemoveParticipantFromConference);
                }
            }
            case HELD -> {
                allowed.addAll(EnumSet.of(Operation.SingleStepTransfer, Operation.SingleStepConference, Operation.Hangup));
                allowed.addAll(USER_DATA);
                if (consulting) {
                    allowed.add(Operation.CompleteTransfer);
                    allowed.add(Operation.CompleteConference);
                }
                if (!activeElsewhere) {
                    allowed.add(Operation.Retrieve);
                    if (!consulting) {
                        allowed.add(Operation.InitiateTransfer);
                        allowed.add(Operation.InitiateConference);
                    }
                }
                if (view.otherIn(PartyState.ESTABLISHED).isPresent()) {
                    allowed.add(Operation.SwapCalls);
                }
            }
            case RELEASED -> {
            }
        }
        return allowed;
    }

    /**
     * A supervisor's monitoring call: answer it, leave it, switch between listening in and barging in (a
     * coach may go either way, nobody goes back to coaching), and take over from the agent by muting them.
     * Nothing that would move the call: it is the agent's.
     */
    private static Set<Operation> monitoring(CallView view) {
        Set<Operation> allowed = EnumSet.noneOf(Operation.class);
        switch (view.state()) {
            case RINGING -> allowed.addAll(EnumSet.of(Operation.Answer, Operation.Reject, Operation.Hangup));
            case ESTABLISHED -> {
                allowed.add(Operation.Hangup);
                allowed.addAll(USER_DATA);
                MonitoringMode mode = view.party().monitoring();
                if (mode != MonitoringMode.BARGE_IN) {
                    allowed.add(Operation.SwitchToBargeIn);
                }
                if (mode != MonitoringMode.LISTEN_IN) {
                    allowed.add(Operation.SwitchToListenIn);
                }
                boolean agentMuted = view.call().activeParties().stream().anyMatch(PartySnapshot::mutedBySupervisor);
                allowed.add(agentMuted ? Operation.UnmuteMonitoredUser : Operation.MuteMonitoredUser);
            }
            case DIALING, HELD -> allowed.add(Operation.Hangup);
            case RELEASED -> {
            }
        }
        return allowed;
    }

    private static Set<Operation> recording(CallView view) {
        RecordingState recording = view.call().recording();
        if (recording == null || recording == RecordingState.STOPPED) {
            return EnumSet.of(Operation.StartCallRecording);
        }
        return recording == RecordingState.RECORDING
                ? EnumSet.of(Operation.PauseCallRecording, Operation.StopCallRecording)
                : EnumSet.of(Operation.ResumeCallRecording, Operation.StopCallRecording);
    }
}
