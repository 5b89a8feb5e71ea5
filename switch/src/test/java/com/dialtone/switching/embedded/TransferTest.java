package com.dialtone.switching.embedded;

import static com.dialtone.switching.PartyState.DIALING;
import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.HELD;
import static com.dialtone.switching.PartyState.RELEASED;
import static com.dialtone.switching.PartyState.RINGING;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT3;
import static com.dialtone.switching.embedded.SwitchFixture.CUSTOMER;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Single-step and consult transfers, and consultations abandoned or failed. */
class TransferTest {

    private final SwitchFixture f = new SwitchFixture();

    @Test
    void singleStepTransfer_toAnAgent_handsTheCustomerOver_withTheCallsAndTheTransfersData() {
        CallSnapshot call = f.withCustomer(AGENT1);
        done(f.sw.updateUserData(call.id(), AGENT1, UserData.of(Map.of("Case", "42"))));
        f.recorder.clear();

        done(f.sw.singleStepTransfer(call.id(), AGENT1, AGENT2, UserData.of(Map.of("TransferReason", "Escalation")), null));

        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.TRANSFERRED);
        assertThat(f.recorder.statesOf(AGENT2)).containsExactly(RINGING);
        CallSnapshot after = f.call(call.id());
        assertThat(after.partiesSeenBy(AGENT2)).extracting(p -> p.number()).containsExactly(CUSTOMER);
        assertThat(after.userData().asMap()).containsEntry("Case", "42").containsEntry("TransferReason", "Escalation");

        done(f.sw.answer(call.id(), AGENT2));
        assertThat(f.stateOf(call.id(), AGENT2)).isEqualTo(ESTABLISHED);
        assertThat(f.stateOf(call.id(), CUSTOMER)).isEqualTo(ESTABLISHED);
    }

    @Test
    void singleStepTransfer_betweenAgents_tellsTheOtherAgentItsParticipantsChanged() {
        CallSnapshot call = f.connected(AGENT1, AGENT2);
        f.recorder.clear();

        done(f.sw.singleStepTransfer(call.id(), AGENT2, AGENT3, UserData.empty(), null));

        assertThat(f.recorder.of(AGENT1)).singleElement().isInstanceOf(CallEvent.PartiesChanged.class);
        assertThat(f.call(call.id()).partiesSeenBy(AGENT1)).extracting(p -> p.number()).containsExactly(AGENT3);
    }

    @Test
    void singleStepTransfer_toAnExternalNumber_leavesNoOneOnTheSwitch_soTheCallEnds() {
        CallSnapshot call = f.withCustomer(AGENT1);

        done(f.sw.singleStepTransfer(call.id(), AGENT1, "5551212", UserData.empty(), null));

        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.TRANSFERRED);
        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.loop.pendingTimers()).isZero();
    }

    @Test
    void singleStepTransfer_refusals() {
        CallSnapshot call = f.withCustomer(AGENT1);
        assertRejected(Reason.INVALID_DESTINATION, f.sw.singleStepTransfer(call.id(), AGENT1, CUSTOMER, UserData.of(Map.of("a", "b")), null));
        assertRejected(Reason.INVALID_DESTINATION, f.sw.singleStepTransfer(call.id(), AGENT1, AGENT1, UserData.empty(), null));
        assertRejected(Reason.INVALID_DESTINATION, f.sw.singleStepTransfer(call.id(), AGENT1, "x", UserData.empty(), null));
        assertThat(f.call(call.id()).userData().isEmpty()).as("a refused request changes nothing").isTrue();
        CallSnapshot ringing = f.dial(AGENT2, AGENT3);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.singleStepTransfer(ringing.id(), AGENT3, "5551212", UserData.empty(), null));
    }

    @Test
    void initiateConsult_holdsTheCall_andDialsAConsultCallThatCarriesTheData() {
        CallSnapshot call = f.withCustomer(AGENT1);
        done(f.sw.updateUserData(call.id(), AGENT1, UserData.of(Map.of("Case", "42"))));

        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.of(Map.of("Note", "VIP")), null));

        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(HELD);
        assertThat(f.stateOf(call.id(), CUSTOMER)).isEqualTo(ESTABLISHED);
        assertThat(consult.type()).isEqualTo(CallType.CONSULT);
        assertThat(consult.parentCallId()).isEqualTo(call.id());
        assertThat(consult.userData().asMap()).containsEntry("Case", "42").containsEntry("Note", "VIP");
        assertThat(f.stateOf(consult.id(), AGENT1)).isEqualTo(DIALING);
        assertThat(f.stateOf(consult.id(), AGENT2)).isEqualTo(RINGING);
        assertThat(f.call(call.id()).userData().asMap()).doesNotContainKey("Note");
    }

    @Test
    void initiateConsult_refusals() {
        CallSnapshot call = f.withCustomer(AGENT1);
        assertRejected(Reason.INVALID_DESTINATION, f.sw.initiateConsult(call.id(), AGENT1, CUSTOMER, UserData.empty(), null));
        done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.initiateConsult(call.id(), AGENT1, AGENT3, UserData.empty(), null));
        assertThat(f.sw.callsAt(AGENT1)).hasSize(2);
    }

    @Test
    void completeTransfer_theTargetTakesOverTheCall_andTheConsultCallEnds() {
        CallSnapshot call = f.withCustomer(AGENT1);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.of(Map.of("Note", "VIP")), null));
        done(f.sw.answer(consult.id(), AGENT2));
        f.recorder.clear();

        done(f.sw.completeTransfer(consult.id(), AGENT1));

        assertThat(f.sw.call(consult.id())).isEmpty();
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT2);
        assertThat(f.stateOf(call.id(), AGENT2)).isEqualTo(ESTABLISHED);
        assertThat(f.call(call.id()).userData().asMap()).containsEntry("Note", "VIP");
        // agent1 leaves both calls; agent2 hears of the consult call's end first, then of the call it now has
        assertThat(f.recorder.of(AGENT1, CallEvent.PartyStateChanged.class)).extracting(e -> e.call().id(), CallEvent.PartyStateChanged::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(consult.id(), ReleaseCause.TRANSFERRED),
                        org.assertj.core.groups.Tuple.tuple(call.id(), ReleaseCause.TRANSFERRED));
        assertThat(f.recorder.of(AGENT2, CallEvent.PartyStateChanged.class)).extracting(e -> e.call().id(), e -> e.party().state())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(consult.id(), RELEASED),
                        org.assertj.core.groups.Tuple.tuple(call.id(), ESTABLISHED));
    }

    @Test
    void completeTransfer_whileTheTargetStillRings_makesItRingInTheCall() {
        CallSnapshot call = f.withCustomer(AGENT1);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));

        done(f.sw.completeTransfer(consult.id(), AGENT1));

        assertThat(f.stateOf(call.id(), AGENT2)).isEqualTo(RINGING);
        done(f.sw.answer(call.id(), AGENT2));
        assertThat(f.stateOf(call.id(), AGENT2)).isEqualTo(ESTABLISHED);
    }

    @Test
    void completeTransfer_toAnExternalConsult_movesTheFarEnd_andItKeepsBehaving() {
        CallSnapshot call = f.connected(AGENT1, AGENT2);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT2, "5550188", UserData.empty(), null));
        f.loop.advance(Duration.ofSeconds(1)); // the far end answers

        done(f.sw.completeTransfer(consult.id(), AGENT2));
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(AGENT1, "5550188");

        f.loop.advance(Duration.ofSeconds(3)); // 5550188 hangs up 3 s after it answered: it moved on its leg, timers and all
        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
    }

    @Test
    void completeTransfer_afterASwap_stillWorks() {
        CallSnapshot call = f.withCustomer(AGENT1);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        done(f.sw.answer(consult.id(), AGENT2));
        done(f.sw.swap(call.id(), AGENT1, consult.id()));

        done(f.sw.completeTransfer(consult.id(), AGENT1));

        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT2);
        assertThat(f.sw.callsAt(AGENT1)).isEmpty();
    }

    @Test
    void abandonedConsult_theHeldCallCanBeRetrieved() {
        CallSnapshot call = f.withCustomer(AGENT1);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        done(f.sw.answer(consult.id(), AGENT2));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.retrieve(call.id(), AGENT1));

        done(f.sw.release(consult.id(), AGENT1));
        done(f.sw.retrieve(call.id(), AGENT1));

        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(ESTABLISHED);
        assertThat(f.sw.call(consult.id())).isEmpty();
        assertThat(f.recorder.releaseCauseOf(AGENT2)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
    }

    @Test
    void consultToABusyOrSilentNumber_failsAndLeavesTheCallHeld() {
        CallSnapshot call = f.withCustomer(AGENT1);

        CallSnapshot busy = done(f.sw.initiateConsult(call.id(), AGENT1, "5550186", UserData.empty(), null));
        f.loop.runDueTimers();
        assertThat(f.sw.call(busy.id())).isEmpty();
        assertThat(f.recorder.of(AGENT1, CallEvent.DestinationFailed.class)).extracting(CallEvent.DestinationFailed::cause)
                .containsExactly(ReleaseCause.BUSY);

        CallSnapshot silent = done(f.sw.initiateConsult(call.id(), AGENT1, "5550187", UserData.empty(), null));
        f.loop.advance(Duration.ofSeconds(30));
        assertThat(f.sw.call(silent.id())).isEmpty();
        assertThat(f.recorder.of(AGENT1, CallEvent.DestinationFailed.class)).extracting(CallEvent.DestinationFailed::cause)
                .containsExactly(ReleaseCause.BUSY, ReleaseCause.NO_ANSWER);

        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(HELD);
        done(f.sw.retrieve(call.id(), AGENT1));
        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(ESTABLISHED);
    }

    @Test
    void complete_refusals() {
        CallSnapshot call = f.withCustomer(AGENT1);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.completeTransfer(call.id(), AGENT1));
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        assertRejected(Reason.UNKNOWN_CALL, f.sw.completeTransfer(consult.id(), AGENT3));
        assertRejected(Reason.UNKNOWN_CALL, f.sw.completeConference("nope", AGENT1));
        assertThat(f.sw.callsAt(AGENT1)).hasSize(2);
    }
}
