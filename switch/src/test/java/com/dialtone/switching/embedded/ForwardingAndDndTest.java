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
import static com.dialtone.switching.embedded.SwitchFixture.AGENT4;
import static com.dialtone.switching.embedded.SwitchFixture.CALLER;
import static com.dialtone.switching.embedded.SwitchFixture.CUSTOMER;
import static com.dialtone.switching.embedded.SwitchFixture.SALES;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Calls to a DN that forwards them elsewhere, or refuses them with do-not-disturb. */
class ForwardingAndDndTest {

    private final SwitchFixture f = SwitchFixture.withRouting();

    @Test
    void aCallToAForwardingDn_ringsTheForwardDestination_andKeepsTheNumberDialled() {
        done(f.sw.setForwarding(AGENT2, AGENT3));

        CallSnapshot call = f.dial(AGENT1, AGENT2);

        assertThat(call.dnis()).isEqualTo(AGENT2);
        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, AGENT3);
        assertThat(f.recorder.statesOf(AGENT3)).containsExactly(RINGING);
        assertThat(f.recorder.of(AGENT2)).isEmpty();
        done(f.sw.answer(call.id(), AGENT3));
        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(ESTABLISHED);
    }

    @Test
    void forwarding_goesOneHopOnly() {
        done(f.sw.setForwarding(AGENT2, AGENT3));
        done(f.sw.setForwarding(AGENT3, AGENT4));

        CallSnapshot call = f.dial(AGENT1, AGENT2);

        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, AGENT3);
    }

    @Test
    void forwarding_toAnExternalNumber_callsItsSimulatedFarEnd() {
        done(f.sw.setForwarding(AGENT2, CUSTOMER));

        CallSnapshot call = f.dial(AGENT1, AGENT2);
        f.loop.runDueTimers(); // 5550100 answers at once

        assertThat(call.type()).isEqualTo(CallType.OUTBOUND);
        assertThat(call.dnis()).isEqualTo(AGENT2);
        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, CUSTOMER);
        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(ESTABLISHED);
    }

    @Test
    void forwarding_toTheRoutingPoint_queuesTheCall() {
        done(f.sw.setForwarding(AGENT2, SALES));

        CallSnapshot call = f.dial(AGENT4, AGENT2);
        assertThat(f.waitingAt(SALES)).containsExactly(call.id());

        f.ready(AGENT1);
        assertThat(f.ringingAt(AGENT1)).map(CallSnapshot::dnis).contains(AGENT2);
    }

    @Test
    void forwarding_appliesToTransfers_consultations_conferences_andCustomers() {
        done(f.sw.setForwarding(AGENT2, AGENT3));
        CallSnapshot call = f.withCustomer(AGENT1);

        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        assertThat(f.activeNumbers(consult.id())).containsExactly(AGENT1, AGENT3);
        done(f.sw.release(consult.id(), AGENT1));
        done(f.sw.retrieve(call.id(), AGENT1));

        done(f.sw.singleStepConference(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, CUSTOMER, AGENT3);
        done(f.sw.removeParty(call.id(), AGENT1, AGENT3));

        done(f.sw.singleStepTransfer(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        assertThat(f.activeNumbers(call.id())).containsExactly(CUSTOMER, AGENT3);

        CallSnapshot inbound = f.customerCalls(CALLER, AGENT2);
        assertThat(inbound.dnis()).isEqualTo(AGENT2);
        assertThat(f.activeNumbers(inbound.id())).containsExactly(CALLER, AGENT3);
    }

    @Test
    void forwarding_backToTheCaller_isRefused() {
        done(f.sw.setForwarding(AGENT2, AGENT1));
        CallSnapshot call = f.connected(AGENT3, AGENT1);
        f.recorder.clear();

        assertRejected(Reason.INVALID_DESTINATION, f.sw.dial(AGENT1, AGENT2, UserData.empty(), null));
        assertRejected(Reason.INVALID_DESTINATION, f.sw.singleStepConference(call.id(), AGENT3, AGENT2, UserData.empty(), null));

        assertThat(f.recorder.events).isEmpty();
        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT3, AGENT1);
    }

    @Test
    void forwardingOff_ringsTheDnAgain() {
        done(f.sw.setForwarding(AGENT2, AGENT3));
        done(f.sw.setForwarding(AGENT2, null));

        CallSnapshot call = f.dial(AGENT1, AGENT2);

        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, AGENT2);
    }

    @Test
    void doNotDisturb_makesADialFailAsBusy_withoutTheDnHearingOfIt() {
        done(f.sw.setDoNotDisturb(AGENT2, true));

        CallSnapshot call = f.dial(AGENT1, AGENT2);
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING);
        f.loop.runDueTimers();

        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, RELEASED);
        assertThat(f.recorder.of(AGENT1, CallEvent.DestinationFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.cause()).isEqualTo(ReleaseCause.BUSY))
                .satisfies(e -> assertThat(e.destination()).isEqualTo(AGENT2));
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.BUSY);
        assertThat(f.recorder.of(AGENT2)).isEmpty();
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void doNotDisturb_failsAConsultation_andTheCustomerStaysHeld() {
        done(f.sw.setDoNotDisturb(AGENT2, true));
        CallSnapshot call = f.withCustomer(AGENT1);

        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        f.loop.runDueTimers();

        assertThat(f.sw.call(consult.id())).isEmpty();
        assertThat(f.recorder.of(AGENT1, CallEvent.DestinationFailed.class)).extracting(CallEvent.DestinationFailed::cause)
                .containsExactly(ReleaseCause.BUSY);
        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(HELD);
    }

    @Test
    void doNotDisturb_failsAConference_andTheCallGoesOn() {
        done(f.sw.setDoNotDisturb(AGENT3, true));
        CallSnapshot call = f.withCustomer(AGENT1);

        done(f.sw.singleStepConference(call.id(), AGENT1, AGENT3, UserData.empty(), null));
        f.loop.runDueTimers();

        assertThat(f.recorder.of(AGENT1, CallEvent.DestinationFailed.class)).extracting(CallEvent.DestinationFailed::cause)
                .containsExactly(ReleaseCause.BUSY);
        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, CUSTOMER);
        assertThat(f.recorder.of(AGENT3)).isEmpty();
    }

    @Test
    void doNotDisturb_atTheForwardDestination_isBusyToo() {
        done(f.sw.setForwarding(AGENT2, AGENT3));
        done(f.sw.setDoNotDisturb(AGENT3, true));

        CallSnapshot call = f.dial(AGENT1, AGENT2);
        f.loop.runDueTimers();

        assertThat(f.recorder.of(AGENT1, CallEvent.DestinationFailed.class)).extracting(CallEvent.DestinationFailed::cause)
                .containsExactly(ReleaseCause.BUSY);
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void forwarding_winsOverDoNotDisturb() {
        done(f.sw.setDoNotDisturb(AGENT2, true));
        done(f.sw.setForwarding(AGENT2, AGENT3));

        CallSnapshot call = f.dial(AGENT1, AGENT2);
        f.loop.runDueTimers();

        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, AGENT3);
    }

    @Test
    void aCustomerCallingADnWithDoNotDisturb_getsBusy() {
        done(f.sw.setDoNotDisturb(AGENT2, true));

        CallSnapshot call = f.customerCalls(CALLER, AGENT2);
        f.loop.runDueTimers();

        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.recorder.of(AGENT2)).isEmpty();
        f.loop.advance(Duration.ofMinutes(1));
        assertThat(f.loop.pendingTimers()).isZero();
    }
}
