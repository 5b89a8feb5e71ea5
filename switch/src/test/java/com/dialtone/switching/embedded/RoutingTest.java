package com.dialtone.switching.embedded;

import static com.dialtone.switching.AgentState.AFTER_CALL_WORK;
import static com.dialtone.switching.AgentState.NOT_READY;
import static com.dialtone.switching.AgentState.READY;
import static com.dialtone.switching.PartyState.DIALING;
import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.RELEASED;
import static com.dialtone.switching.PartyState.RINGING;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT3;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT4;
import static com.dialtone.switching.embedded.SwitchFixture.CALLER;
import static com.dialtone.switching.embedded.SwitchFixture.CALLER2;
import static com.dialtone.switching.embedded.SwitchFixture.CUSTOMER;
import static com.dialtone.switching.embedded.SwitchFixture.SALES;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dialtone.switching.AgentState;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.DnEvent;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.RoutingPointSnapshot;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Calls to the routing point Sales: its queue, which agent is offered which call, and what happens to offers. */
class RoutingTest {

    private final SwitchFixture f = SwitchFixture.withRouting();

    @Test
    void routingPoints_showThePlan_withAnEmptyQueue() {
        assertThat(f.sw.routingPoints()).containsExactly(new RoutingPointSnapshot(SALES, "Sales", List.of(AGENT1, AGENT2, AGENT3), List.of()));
        assertThat(f.sw.dn(SALES)).as("a routing point is not a DN").isEmpty();
    }

    @Test
    void aCustomerCall_waits_untilAnAgentIsReady_whoIsToldOfReadyBeforeTheCallRings() {
        CallSnapshot call = done(f.sw.customerCall(CALLER, SALES, UserData.of(Map.of("Segment", "Gold")), CustomerBehaviour.stays()));

        assertThat(f.waitingAt(SALES)).containsExactly(call.id());
        assertThat(call.parties()).extracting(PartySnapshot::number, PartySnapshot::internal, PartySnapshot::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CALLER, false, DIALING));
        f.loop.advance(Duration.ofMinutes(5));
        assertThat(f.sw.call(call.id())).as("a waiting call does not end by itself").isPresent();

        f.ready(AGENT1);

        assertThat(f.recorder.storyOf(AGENT1)).containsExactly("agent NOT_READY", "agent READY", "RINGING");
        CallEvent ringing = f.recorder.of(AGENT1).get(0);
        assertThat(ringing.call().type()).isEqualTo(CallType.INBOUND);
        assertThat(ringing.call().ani()).isEqualTo(CALLER);
        assertThat(ringing.call().dnis()).isEqualTo(SALES);
        assertThat(ringing.call().userData().asMap()).containsEntry("Segment", "Gold");
        assertThat(f.waitingAt(SALES)).as("a call being offered is not waiting").isEmpty();
    }

    @Test
    void answeringTheOffer_connectsTheCustomer_andTheCallIsAnOrdinaryCallFromThen() {
        f.ready(AGENT1);
        CallSnapshot call = f.customerCalls(CALLER, SALES);

        done(f.sw.answer(call.id(), AGENT1));
        f.loop.advance(Duration.ofMinutes(1)); // past the offer timeout

        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(ESTABLISHED);
        assertThat(f.stateOf(call.id(), CALLER)).isEqualTo(ESTABLISHED);
        done(f.sw.release(call.id(), AGENT1));
        assertThat(f.sw.call(call.id())).as("without the agent nobody is left for the customer").isEmpty();
        assertThat(f.dn(AGENT1).agentState()).as("agent 1 has no wrap-up time").isEqualTo(READY);
    }

    @Test
    void theLongestIdleReadyAgent_isOfferedTheCall() {
        f.ready(AGENT2);
        f.loop.advance(Duration.ofSeconds(1));
        f.ready(AGENT3);
        f.loop.advance(Duration.ofSeconds(1));
        f.ready(AGENT1);
        f.loop.advance(Duration.ofSeconds(1));

        CallSnapshot first = f.customerCalls(CALLER, SALES);
        CallSnapshot second = f.customerCalls(CALLER2, SALES);

        assertThat(f.ringingAt(AGENT2)).map(CallSnapshot::id).contains(first.id());
        assertThat(f.ringingAt(AGENT3)).map(CallSnapshot::id).contains(second.id());
        assertThat(f.ringingAt(AGENT1)).isEmpty();
    }

    @Test
    void anAgentWhoseCallEndsWhileReady_isIdleFromThatMoment() {
        f.ready(AGENT1);
        f.loop.advance(Duration.ofSeconds(1));
        f.ready(AGENT2);
        CallSnapshot direct = f.withCustomer(AGENT1); // agent 1 dials out while ready
        f.loop.advance(Duration.ofSeconds(1));
        done(f.sw.release(direct.id(), AGENT1));

        CallSnapshot call = f.customerCalls(CALLER, SALES);

        assertThat(f.ringingAt(AGENT2)).map(CallSnapshot::id).contains(call.id());
    }

    @Test
    void agentsWhoAreNotReady_doNotDisturb_forward_orAreLoggedOut_areNotOffered() {
        done(f.sw.login(AGENT1)); // not ready
        f.ready(AGENT2, AGENT3);
        done(f.sw.setDoNotDisturb(AGENT2, true));
        done(f.sw.setForwarding(AGENT3, AGENT4));

        CallSnapshot call = f.customerCalls(CALLER, SALES);

        assertThat(f.waitingAt(SALES)).containsExactly(call.id());
        assertThat(f.sw.callsAt(AGENT1)).isEmpty();
        assertThat(f.sw.callsAt(AGENT2)).isEmpty();
        assertThat(f.sw.callsAt(AGENT3)).isEmpty();
        assertThat(f.sw.callsAt(AGENT4)).as("forwarding does not apply to offers; they are never made").isEmpty();

        done(f.sw.setForwarding(AGENT3, null));
        assertThat(f.ringingAt(AGENT3)).map(CallSnapshot::id).contains(call.id());
    }

    @Test
    void anAgentOnACall_isNotOffered_untilTheCallEnds() {
        f.ready(AGENT1);
        CallSnapshot direct = f.connected(AGENT4, AGENT1);

        CallSnapshot call = f.customerCalls(CALLER, SALES);
        assertThat(f.waitingAt(SALES)).containsExactly(call.id());

        done(f.sw.release(direct.id(), AGENT4));
        assertThat(f.ringingAt(AGENT1)).map(CallSnapshot::id).contains(call.id());
    }

    @Test
    void aLoggedOutAgent_isNotOffered() {
        f.ready(AGENT1);
        done(f.sw.logout(AGENT1));

        f.customerCalls(CALLER, SALES);

        assertThat(f.sw.callsAt(AGENT1)).isEmpty();
    }

    @Test
    void theQueue_isFirstInFirstOut() {
        CallSnapshot first = f.customerCalls(CALLER, SALES);
        CallSnapshot second = f.customerCalls(CALLER2, SALES);
        assertThat(f.waitingAt(SALES)).containsExactly(first.id(), second.id());

        f.ready(AGENT1);

        assertThat(f.ringingAt(AGENT1)).map(CallSnapshot::id).contains(first.id());
        assertThat(f.waitingAt(SALES)).containsExactly(second.id());
    }

    @Test
    void anOfferNotAnsweredInTime_makesTheAgentNotReady_andTheCallGoesBackToTheHeadOfTheQueue() {
        f.ready(AGENT1);
        CallSnapshot first = f.customerCalls(CALLER, SALES);
        CallSnapshot second = f.customerCalls(CALLER2, SALES);
        f.recorder.clear();

        f.loop.advance(Duration.ofSeconds(14));
        assertThat(f.ringingAt(AGENT1)).isPresent();
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(f.recorder.storyOf(AGENT1)).containsExactly("RELEASED", "agent NOT_READY");
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.NO_ANSWER);
        assertThat(f.recorder.events).noneMatch(CallEvent.DestinationFailed.class::isInstance);
        assertThat(f.waitingAt(SALES)).containsExactly(first.id(), second.id());
        assertThat(f.stateOf(first.id(), CALLER)).isEqualTo(DIALING);

        f.ready(AGENT2);
        assertThat(f.ringingAt(AGENT2)).map(CallSnapshot::id).contains(first.id());
    }

    @Test
    void anOfferNotAnswered_goesToTheNextAgent_atOnce() {
        f.ready(AGENT1);
        f.loop.advance(Duration.ofSeconds(1));
        f.ready(AGENT2);
        CallSnapshot call = f.customerCalls(CALLER, SALES);
        assertThat(f.ringingAt(AGENT1)).isPresent();

        f.loop.advance(Duration.ofSeconds(15));

        assertThat(f.ringingAt(AGENT2)).map(CallSnapshot::id).contains(call.id());
        assertThat(f.call(call.id()).parties()).extracting(PartySnapshot::number, PartySnapshot::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CALLER, DIALING), org.assertj.core.groups.Tuple.tuple(AGENT1, RELEASED),
                        org.assertj.core.groups.Tuple.tuple(AGENT2, RINGING));
    }

    @Test
    void aRejectedOffer_goesBackToTheQueue_andIsNotOfferedToTheSameAgentAgain() {
        f.ready(AGENT1);
        CallSnapshot first = f.customerCalls(CALLER, SALES);

        done(f.sw.reject(first.id(), AGENT1));

        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.REJECTED);
        assertThat(f.waitingAt(SALES)).containsExactly(first.id());
        assertThat(f.dn(AGENT1).agentState()).as("rejecting is not being away").isEqualTo(READY);
        assertThat(f.ringingAt(AGENT1)).isEmpty();

        CallSnapshot second = f.customerCalls(CALLER2, SALES);
        assertThat(f.ringingAt(AGENT1)).as("another call is offered to the agent").map(CallSnapshot::id).contains(second.id());
        f.ready(AGENT2);
        assertThat(f.ringingAt(AGENT2)).map(CallSnapshot::id).contains(first.id());
    }

    @Test
    void aCallerWhoHangsUpInTheQueue_leavesIt() {
        CallSnapshot call = f.customerCalls(CALLER, SALES);

        done(f.sw.customerHangUp(call.id(), CALLER));

        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.waitingAt(SALES)).isEmpty();
        f.ready(AGENT1);
        assertThat(f.sw.callsAt(AGENT1)).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpWhileTheOfferRings_releasesTheAgent_whoStaysReadyForTheNextCall() {
        f.ready(AGENT1);
        CallSnapshot call = f.customerCalls(CALLER, SALES);

        done(f.sw.customerHangUp(call.id(), CALLER));

        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(RINGING, RELEASED);
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.loop.pendingTimers()).isZero();
        assertThat(f.dn(AGENT1).agentState()).isEqualTo(READY);
        CallSnapshot next = f.customerCalls(CALLER2, SALES);
        assertThat(f.ringingAt(AGENT1)).map(CallSnapshot::id).contains(next.id());
    }

    @Test
    void aDnDiallingTheRoutingPoint_makesAnInternalCall_dialingUntilAnAgentAnswers() {
        CallSnapshot call = f.dial(AGENT4, SALES);

        assertThat(call.type()).isEqualTo(CallType.INTERNAL);
        assertThat(call.dnis()).isEqualTo(SALES);
        assertThat(f.recorder.statesOf(AGENT4)).containsExactly(DIALING);
        assertThat(f.waitingAt(SALES)).containsExactly(call.id());

        f.ready(AGENT2);
        assertThat(f.recorder.of(AGENT4)).last().isInstanceOf(CallEvent.PartiesChanged.class);
        done(f.sw.answer(call.id(), AGENT2));

        assertThat(f.stateOf(call.id(), AGENT4)).isEqualTo(ESTABLISHED);
        assertThat(f.call(call.id()).ani()).isEqualTo(AGENT4);
    }

    @Test
    void aDnHangingUpWhileItsCallWaits_endsIt() {
        CallSnapshot call = f.dial(AGENT4, SALES);

        done(f.sw.release(call.id(), AGENT4));

        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.waitingAt(SALES)).isEmpty();
    }

    @Test
    void singleStepTransfer_toTheRoutingPoint_leavesTheCustomerWaitingForAnAgent() {
        CallSnapshot call = f.withCustomer(AGENT4);

        done(f.sw.singleStepTransfer(call.id(), AGENT4, SALES, UserData.of(Map.of("Reason", "Sales")), null));

        assertThat(f.recorder.releaseCauseOf(AGENT4)).isEqualTo(ReleaseCause.TRANSFERRED);
        assertThat(f.waitingAt(SALES)).containsExactly(call.id());
        assertThat(f.activeNumbers(call.id())).containsExactly(CUSTOMER);
        assertThat(f.stateOf(call.id(), CUSTOMER)).isEqualTo(ESTABLISHED);

        f.ready(AGENT1);
        CallEvent ringing = f.recorder.of(AGENT1, CallEvent.PartyStateChanged.class).get(0);
        assertThat(ringing.call().userData().asMap()).containsEntry("Reason", "Sales");
        done(f.sw.answer(call.id(), AGENT1));
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT1);
    }

    @Test
    void aConsultation_withTheRoutingPoint_isRoutedToAnAgent_andThenTransferred() {
        CallSnapshot call = f.withCustomer(AGENT4);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT4, SALES, UserData.empty(), null));
        assertThat(consult.type()).isEqualTo(CallType.CONSULT);
        assertThat(f.waitingAt(SALES)).containsExactly(consult.id());
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.completeTransfer(consult.id(), AGENT4));

        f.ready(AGENT1);
        done(f.sw.answer(consult.id(), AGENT1));
        assertThat(f.stateOf(consult.id(), AGENT4)).isEqualTo(ESTABLISHED);
        done(f.sw.completeTransfer(consult.id(), AGENT4));

        assertThat(f.sw.call(consult.id())).isEmpty();
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT1);
        assertThat(f.sw.callsAt(AGENT4)).isEmpty();
    }

    @Test
    void singleStepConference_withTheRoutingPoint_addsTheAgentWhoAnswers() {
        CallSnapshot call = f.withCustomer(AGENT4);

        done(f.sw.singleStepConference(call.id(), AGENT4, SALES, UserData.empty(), null));
        assertThat(f.waitingAt(SALES)).containsExactly(call.id());
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.singleStepConference(call.id(), AGENT4, SALES, UserData.empty(), null));

        f.ready(AGENT1);
        done(f.sw.reject(call.id(), AGENT1));
        assertThat(f.recorder.of(AGENT4, CallEvent.DestinationFailed.class)).as("an offer is not the conferencer's to hear of").isEmpty();
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT4);

        f.ready(AGENT2);
        done(f.sw.answer(call.id(), AGENT2));
        assertThat(f.activeNumbers(call.id())).containsExactlyInAnyOrder(CUSTOMER, AGENT4, AGENT2);
        assertThat(f.waitingAt(SALES)).isEmpty();
    }

    @Test
    void anAgentWithAWrapUpTime_goesToAfterCallWork_whenARoutedCallEnds_thenBackToReady() {
        f.ready(AGENT3);
        CallSnapshot call = f.customerCalls(CALLER, SALES);
        done(f.sw.answer(call.id(), AGENT3));
        f.recorder.clear();

        done(f.sw.customerHangUp(call.id(), CALLER));

        assertThat(f.recorder.storyOf(AGENT3)).containsExactly("RELEASED", "agent AFTER_CALL_WORK");
        assertThat(f.dn(AGENT3).wrapUpEndsAt()).isEqualTo(f.loop.now().plusSeconds(10));
        CallSnapshot next = f.customerCalls(CALLER2, SALES);
        assertThat(f.sw.callsAt(AGENT3)).as("wrapping up, not ready").isEmpty();

        f.loop.advance(Duration.ofSeconds(10));
        assertThat(f.recorder.storyOf(AGENT3)).containsExactly("RELEASED", "agent AFTER_CALL_WORK", "agent READY", "RINGING");
        assertThat(f.ringingAt(AGENT3)).map(CallSnapshot::id).contains(next.id());
    }

    @Test
    void aDirectCall_orAnAgentWithoutAWrapUpTime_getsNoAfterCallWork() {
        f.ready(AGENT1, AGENT3);
        CallSnapshot direct = f.connected(AGENT4, AGENT3);
        done(f.sw.release(direct.id(), AGENT4));
        CallSnapshot routed = f.customerCalls(CALLER, SALES);
        assertThat(f.ringingAt(AGENT1)).as("idle as long as agent 3, and first in the plan").isPresent();
        done(f.sw.answer(routed.id(), AGENT1));
        done(f.sw.customerHangUp(routed.id(), CALLER));

        assertThat(f.recorder.dnEvents).extracting(DnEvent::dn, e -> e.state().agentState())
                .doesNotContain(org.assertj.core.groups.Tuple.tuple(AGENT1, AFTER_CALL_WORK), org.assertj.core.groups.Tuple.tuple(AGENT3, AFTER_CALL_WORK));
        assertThat(f.dn(AGENT1).agentState()).isEqualTo(READY);
        assertThat(f.dn(AGENT3).agentState()).isEqualTo(READY);
    }

    @Test
    void anOfferRingsOut_forAnAgentWhoLoggedOutMeanwhile_withoutLoggingItBackIn() {
        f.ready(AGENT1);
        f.customerCalls(CALLER, SALES);
        done(f.sw.logout(AGENT1));

        f.loop.advance(Duration.ofSeconds(15));

        assertThat(f.dn(AGENT1).agentState()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(f.recorder.agentStatesOf(AGENT1)).containsExactly(NOT_READY, READY, AgentState.LOGGED_OUT);
    }

    @Test
    void theRoutingPlan_mustNotClashWithTheDns() {
        Set<String> dns = Set.of(AGENT1, AGENT2);
        RoutingPlan onADn = new RoutingPlan(List.of(new RoutingPlan.RoutingPoint(AGENT1, "Sales", List.of(AGENT2))), Duration.ofSeconds(15), Map.of());
        RoutingPlan unknownAgent = new RoutingPlan(List.of(new RoutingPlan.RoutingPoint(SALES, "Sales", List.of("19999"))), Duration.ofSeconds(15), Map.of());
        RoutingPlan notANumber = new RoutingPlan(List.of(new RoutingPlan.RoutingPoint("sales", "Sales", List.of(AGENT1))), Duration.ofSeconds(15), Map.of());

        for (RoutingPlan plan : List.of(onADn, unknownAgent, notANumber)) {
            assertThatThrownBy(() -> new EmbeddedSwitch(dns, SwitchFixture.DEMO_PLAN, plan, new ManualSwitchLoop()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
