package com.dialtone.switching.embedded;

import static com.dialtone.switching.PartyState.DIALING;
import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.RELEASED;
import static com.dialtone.switching.PartyState.RINGING;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.CALLER;
import static com.dialtone.switching.embedded.SwitchFixture.SALES;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Simulated customers calling in, and what they do once their call has started. */
class CustomerCallTest {

    private final SwitchFixture f = SwitchFixture.withRouting();

    @Test
    void aCustomerCallingADn_ringsItAsAnInboundCall_withTheCustomerHearingRingback() {
        CallSnapshot call = done(f.sw.customerCall(CALLER, AGENT1, UserData.of(Map.of("Account", "123")), CustomerBehaviour.stays()));

        assertThat(call.parties()).extracting(PartySnapshot::number, PartySnapshot::internal, PartySnapshot::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CALLER, false, DIALING), org.assertj.core.groups.Tuple.tuple(AGENT1, true, RINGING));
        CallEvent ringing = f.recorder.of(AGENT1).get(0);
        assertThat(ringing.call().type()).isEqualTo(CallType.INBOUND);
        assertThat(ringing.call().ani()).isEqualTo(CALLER);
        assertThat(ringing.call().dnis()).isEqualTo(AGENT1);
        assertThat(ringing.call().userData().asMap()).containsEntry("Account", "123");

        done(f.sw.answer(call.id(), AGENT1));
        assertThat(f.stateOf(call.id(), CALLER)).isEqualTo(ESTABLISHED);
        f.loop.advance(Duration.ofHours(1));
        assertThat(f.sw.call(call.id())).as("a customer who stays never hangs up by itself").isPresent();
    }

    @Test
    void customerCall_refusals_changeNothing() {
        CustomerBehaviour stays = CustomerBehaviour.stays();
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.customerCall(AGENT2, AGENT1, UserData.empty(), stays));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.customerCall(SALES, AGENT1, UserData.empty(), stays));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.customerCall("anonymous", AGENT1, UserData.empty(), stays));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.customerCall(null, AGENT1, UserData.empty(), stays));
        assertRejected(Reason.INVALID_DESTINATION, f.sw.customerCall(CALLER, "5551212", UserData.empty(), stays));
        assertRejected(Reason.INVALID_DESTINATION, f.sw.customerCall(CALLER, null, UserData.empty(), stays));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.customerCall(CALLER, SALES, UserData.empty(),
                new CustomerBehaviour(Duration.ofSeconds(-1), null, null, null)));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.customerCall(CALLER, SALES, UserData.empty(),
                new CustomerBehaviour(null, Duration.ofSeconds(-1), null, null)));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.customerCall(CALLER, SALES, UserData.empty(),
                new CustomerBehaviour(null, null, "12x", Duration.ZERO)));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.customerCall(CALLER, SALES, UserData.empty(),
                new CustomerBehaviour(null, null, "1", Duration.ofSeconds(-1))));

        assertThat(f.sw.callCount()).isZero();
        assertThat(f.waitingAt(SALES)).isEmpty();
        assertThat(f.recorder.events).isEmpty();
        assertThat(f.loop.pendingTimers()).isZero();
    }

    @Test
    void hangUpAfter_abandonsAQueuedCall() {
        CallSnapshot call = done(f.sw.customerCall(CALLER, SALES, UserData.empty(),
                new CustomerBehaviour(Duration.ofSeconds(20), null, null, null)));

        f.loop.advance(Duration.ofSeconds(19));
        assertThat(f.waitingAt(SALES)).containsExactly(call.id());
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.sw.routingPoints()).allSatisfy(point -> assertThat(point.waitingCallIds()).isEmpty());
    }

    @Test
    void hangUpAfter_countsFromTheStart_andAbandonsARingingCall() {
        CallSnapshot call = done(f.sw.customerCall(CALLER, AGENT1, UserData.empty(),
                new CustomerBehaviour(Duration.ofSeconds(20), null, null, null)));

        f.loop.advance(Duration.ofSeconds(20));

        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(RINGING, RELEASED);
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void talkFor_countsFromTheAnswer() {
        CallSnapshot call = done(f.sw.customerCall(CALLER, AGENT1, UserData.empty(),
                new CustomerBehaviour(null, Duration.ofSeconds(30), null, null)));
        f.loop.advance(Duration.ofSeconds(5));
        done(f.sw.answer(call.id(), AGENT1));

        f.loop.advance(Duration.ofSeconds(29));
        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(ESTABLISHED);
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void dtmf_isSentOnceAfterTheAnswer_toEveryoneEstablished_fromTheCustomer() {
        f.ready(AGENT1);
        CallSnapshot call = done(f.sw.customerCall(CALLER, SALES, UserData.empty(),
                new CustomerBehaviour(null, null, "1234#", Duration.ofSeconds(2))));
        f.loop.advance(Duration.ofSeconds(10));
        assertThat(f.recorder.of(AGENT1, CallEvent.DtmfSent.class)).as("nothing before the answer").isEmpty();
        done(f.sw.answer(call.id(), AGENT1));

        f.loop.advance(Duration.ofSeconds(2));
        f.loop.advance(Duration.ofMinutes(1));

        assertThat(f.recorder.of(AGENT1, CallEvent.DtmfSent.class)).singleElement()
                .satisfies(e -> assertThat(e.sender()).isEqualTo(CALLER))
                .satisfies(e -> assertThat(e.digits()).isEqualTo("1234#"))
                .satisfies(e -> assertThat(e.dn()).isEqualTo(AGENT1));
    }

    @Test
    void customerHangUp_endsTheCall_andIsRefusedForSomeoneWhoIsNotTheCustomer() {
        CallSnapshot call = f.customerCalls(CALLER, AGENT1);
        done(f.sw.answer(call.id(), AGENT1));

        assertRejected(Reason.UNKNOWN_CALL, f.sw.customerHangUp(call.id(), "5559999"));
        assertRejected(Reason.UNKNOWN_CALL, f.sw.customerHangUp(call.id(), AGENT1));
        assertRejected(Reason.UNKNOWN_CALL, f.sw.customerHangUp("NOPE", CALLER));
        assertThat(f.stateOf(call.id(), CALLER)).isEqualTo(ESTABLISHED);

        done(f.sw.customerHangUp(call.id(), CALLER));

        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void anAgentRejectingACustomer_endsTheCall() {
        CallSnapshot call = f.customerCalls(CALLER, AGENT1);

        done(f.sw.reject(call.id(), AGENT1));

        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void customerDtmf_reachesTheAgent_onlyOnceTalking_andBadDigitsAreRefused() {
        CallSnapshot call = f.customerCalls(CALLER, AGENT1);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.customerDtmf(call.id(), CALLER, "1"));
        done(f.sw.answer(call.id(), AGENT1));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.customerDtmf(call.id(), CALLER, "12x"));
        assertRejected(Reason.UNKNOWN_CALL, f.sw.customerDtmf(call.id(), AGENT1, "1"));
        assertThat(f.recorder.of(AGENT1, CallEvent.DtmfSent.class)).isEmpty();

        done(f.sw.customerDtmf(call.id(), CALLER, "4711#"));

        assertThat(f.recorder.of(AGENT1, CallEvent.DtmfSent.class)).singleElement()
                .satisfies(e -> assertThat(e.sender()).isEqualTo(CALLER))
                .satisfies(e -> assertThat(e.digits()).isEqualTo("4711#"));
    }
}
