package com.dialtone.switching.embedded;

import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.HELD;
import static com.dialtone.switching.PartyState.RINGING;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT3;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT4;
import static com.dialtone.switching.embedded.SwitchFixture.CUSTOMER;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import org.junit.jupiter.api.Test;

/** Calls of three and more parties: how they are made, and how they shrink. */
class ConferenceTest {

    private final SwitchFixture f = new SwitchFixture();

    @Test
    void completeConference_bringsTheConsultedAgentIn_andTakesTheConferencerOffHold() {
        CallSnapshot call = f.withCustomer(AGENT1);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        done(f.sw.answer(consult.id(), AGENT2));
        f.recorder.clear();

        done(f.sw.completeConference(consult.id(), AGENT1));

        assertThat(f.sw.call(consult.id())).isEmpty();
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT1, AGENT2);
        assertThat(f.call(call.id()).activeParties()).allSatisfy(p -> assertThat(p.state()).isEqualTo(ESTABLISHED));
        assertThat(f.recorder.of(AGENT1, CallEvent.PartyStateChanged.class)).extracting(e -> e.call().id(), CallEvent.PartyStateChanged::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(consult.id(), ReleaseCause.MERGED),
                        org.assertj.core.groups.Tuple.tuple(call.id(), null));
    }

    @Test
    void completeConference_afterSwappingBackAndForth_stillWorks() {
        CallSnapshot call = f.withCustomer(AGENT1);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        done(f.sw.answer(consult.id(), AGENT2));
        done(f.sw.swap(consult.id(), AGENT1, call.id())); // back to the customer; agent2 waits on hold

        done(f.sw.completeConference(consult.id(), AGENT1));

        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT1, AGENT2);
        assertThat(f.call(call.id()).activeParties()).allSatisfy(p -> assertThat(p.state()).isEqualTo(ESTABLISHED));
    }

    @Test
    void aFourthParty_joinsByASecondConsultation_andEveryoneElseIsToldOfIt() {
        CallSnapshot call = threeParty();
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT3, UserData.empty(), null));
        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(HELD);
        done(f.sw.answer(consult.id(), AGENT3));
        f.recorder.clear();

        done(f.sw.completeConference(consult.id(), AGENT1));

        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT1, AGENT2, AGENT3);
        assertThat(f.recorder.of(AGENT2)).singleElement().isInstanceOf(CallEvent.PartiesChanged.class);
        assertThat(f.call(call.id()).partiesSeenBy(AGENT2)).extracting(p -> p.number()).containsExactlyInAnyOrder(CUSTOMER, AGENT1, AGENT3);
    }

    @Test
    void singleStepConference_addsARingingParty_thatJoinsWhenItAnswers() {
        CallSnapshot call = f.withCustomer(AGENT1);
        f.recorder.clear();

        done(f.sw.singleStepConference(call.id(), AGENT1, AGENT2, UserData.empty(), null));

        assertThat(f.stateOf(call.id(), AGENT2)).isEqualTo(RINGING);
        assertThat(f.recorder.of(AGENT1)).singleElement().isInstanceOf(CallEvent.PartiesChanged.class);
        done(f.sw.answer(call.id(), AGENT2));
        done(f.sw.singleStepConference(call.id(), AGENT2, AGENT3, UserData.empty(), null));
        done(f.sw.answer(call.id(), AGENT3));
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT1, AGENT2, AGENT3);
    }

    @Test
    void singleStepConference_withABusyNumber_tellsWhoAddedIt_andTheCallGoesOn() {
        CallSnapshot call = f.connected(AGENT1, AGENT2);

        done(f.sw.singleStepConference(call.id(), AGENT1, "5550186", UserData.empty(), null));
        f.loop.runDueTimers();

        assertThat(f.recorder.of(AGENT1, CallEvent.DestinationFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.destination()).isEqualTo("5550186"));
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(AGENT1, AGENT2);
    }

    @Test
    void removeParty_takesAParticipantOut_andTheOthersAreTold() {
        CallSnapshot call = fourParty();
        f.recorder.clear();

        done(f.sw.removeParty(call.id(), AGENT1, AGENT3));

        assertThat(f.recorder.releaseCauseOf(AGENT3)).isEqualTo(ReleaseCause.REMOVED);
        assertThat(f.recorder.of(AGENT2)).singleElement().isInstanceOf(CallEvent.PartiesChanged.class);
        assertThat(f.recorder.of(AGENT1)).singleElement().isInstanceOf(CallEvent.PartiesChanged.class);
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT1, AGENT2);
    }

    @Test
    void removeParty_refusals() {
        CallSnapshot two = f.connected(AGENT3, AGENT4);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.removeParty(two.id(), AGENT3, AGENT4));
        CallSnapshot call = threeParty();
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.removeParty(call.id(), AGENT1, AGENT1));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.removeParty(call.id(), AGENT1, "5559999"));
        assertThat(f.activeNumbers(call.id())).hasSize(3);
    }

    @Test
    void aPartyHangingUp_shrinksTheConference_untilTheLastButOneLeavesAndTheCallEnds() {
        CallSnapshot call = threeParty();
        f.recorder.clear();

        done(f.sw.release(call.id(), AGENT2));
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT1);
        assertThat(f.recorder.of(AGENT1)).singleElement().isInstanceOf(CallEvent.PartiesChanged.class);

        done(f.sw.release(call.id(), AGENT1));
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void whenOnlyFarEndsRemain_theCallEnds() {
        CallSnapshot call = f.withCustomer(AGENT1);
        done(f.sw.singleStepConference(call.id(), AGENT1, "5551212", UserData.empty(), null));

        done(f.sw.release(call.id(), AGENT1));

        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.loop.pendingTimers()).isZero();
    }

    /** customer, agent1 and agent2, all established. */
    private CallSnapshot threeParty() {
        CallSnapshot call = f.withCustomer(AGENT1);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        done(f.sw.answer(consult.id(), AGENT2));
        done(f.sw.completeConference(consult.id(), AGENT1));
        return f.call(call.id());
    }

    private CallSnapshot fourParty() {
        CallSnapshot call = threeParty();
        done(f.sw.singleStepConference(call.id(), AGENT1, AGENT3, UserData.empty(), null));
        done(f.sw.answer(call.id(), AGENT3));
        return f.call(call.id());
    }
}
