package com.dialtone.switching.embedded;

import static com.dialtone.switching.MonitoringMode.BARGE_IN;
import static com.dialtone.switching.MonitoringMode.COACH;
import static com.dialtone.switching.MonitoringMode.LISTEN_IN;
import static com.dialtone.switching.MonitoringScope.AGENT;
import static com.dialtone.switching.MonitoringScope.CALL;
import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.RINGING;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT3;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT4;
import static com.dialtone.switching.embedded.SwitchFixture.CALLER;
import static com.dialtone.switching.embedded.SwitchFixture.CUSTOMER;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.MonitoringScope;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A supervisor (15004) monitoring agents' calls. */
class MonitoringTest {

    private static final String SUPERVISOR = AGENT4;

    private final SwitchFixture f = new SwitchFixture();

    @Test
    void listenIn_joinsTheAgentsCallInProgress_ringing_andTakesPartOnceAnswered() {
        CallSnapshot call = f.withCustomer(AGENT1);
        f.recorder.clear();

        done(f.sw.startMonitoring(SUPERVISOR, monitoring(AGENT1, LISTEN_IN, CALL, false)));

        assertThat(f.dn(SUPERVISOR).monitoring()).isEqualTo(monitoring(AGENT1, LISTEN_IN, CALL, false));
        assertThat(f.recorder.storyOf(SUPERVISOR)).containsExactly("RINGING", "agent LOGGED_OUT");
        PartySnapshot supervisor = f.call(call.id()).party(SUPERVISOR).orElseThrow();
        assertThat(supervisor.state()).isEqualTo(RINGING);
        assertThat(supervisor.monitoring()).isEqualTo(LISTEN_IN);
        assertThat(supervisor.internal()).isTrue();
        assertThat(f.call(call.id()).party(AGENT1).orElseThrow().monitoring()).isNull();
        assertThat(f.recorder.of(AGENT1)).singleElement().isInstanceOf(CallEvent.PartiesChanged.class);

        done(f.sw.answer(call.id(), SUPERVISOR));
        assertThat(f.stateOf(call.id(), SUPERVISOR)).isEqualTo(ESTABLISHED);
        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, CUSTOMER, SUPERVISOR);
    }

    @Test
    void monitoring_joinsTheNextCall_onceTheAgentIsEstablishedInIt() {
        done(f.sw.startMonitoring(SUPERVISOR, monitoring(AGENT1, COACH, CALL, true)));
        assertThat(f.sw.callsAt(SUPERVISOR)).isEmpty();

        CallSnapshot call = f.dial(AGENT2, AGENT1);
        assertThat(f.sw.callsAt(SUPERVISOR)).as("not while the agent only rings").isEmpty();
        done(f.sw.answer(call.id(), AGENT1));

        assertThat(f.stateOf(call.id(), SUPERVISOR)).isEqualTo(RINGING);
        assertThat(f.call(call.id()).party(SUPERVISOR).orElseThrow().monitoring()).isEqualTo(COACH);
    }

    @Test
    void scopeAgent_takesTheSupervisorOutWithTheAgent_whenTheAgentTransfers() {
        CallSnapshot call = monitoredCall(AGENT, false);

        done(f.sw.singleStepTransfer(call.id(), AGENT1, AGENT2, UserData.empty(), null));

        assertThat(f.recorder.releaseCauseOf(SUPERVISOR)).isEqualTo(ReleaseCause.MONITORING_ENDED);
        assertThat(f.activeNumbers(call.id())).containsExactly(CUSTOMER, AGENT2);
        assertThat(f.dn(SUPERVISOR).monitoring()).as("every call: it goes on").isNotNull();
    }

    @Test
    void scopeCall_keepsTheSupervisorInTheCall_throughATransfer() {
        CallSnapshot call = monitoredCall(CALL, false);

        done(f.sw.singleStepTransfer(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        done(f.sw.answer(call.id(), AGENT2));

        assertThat(f.activeNumbers(call.id())).containsExactly(CUSTOMER, SUPERVISOR, AGENT2);
        assertThat(f.stateOf(call.id(), SUPERVISOR)).isEqualTo(ESTABLISHED);
    }

    @Test
    void scopeAgent_followsTheAgent_throughAConsultTransfer() {
        CallSnapshot call = monitoredCall(AGENT, false);
        CallSnapshot consult = done(f.sw.initiateConsult(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        done(f.sw.answer(consult.id(), AGENT2));
        assertThat(f.call(consult.id()).party(SUPERVISOR)).as("in one monitored call at a time").isEmpty();

        done(f.sw.completeTransfer(consult.id(), AGENT1));

        assertThat(f.recorder.releaseCauseOf(SUPERVISOR)).isEqualTo(ReleaseCause.MONITORING_ENDED);
        assertThat(f.activeNumbers(call.id())).containsExactly(CUSTOMER, AGENT2);
    }

    @Test
    void nextCallOnly_endsTheMonitoringWithTheCall() {
        CallSnapshot call = monitoredCall(CALL, true);
        f.recorder.clear();

        done(f.sw.release(call.id(), AGENT1));

        assertThat(f.recorder.storyOf(SUPERVISOR)).containsExactly("RELEASED", "agent LOGGED_OUT");
        assertThat(f.recorder.dnEventsOf(SUPERVISOR)).singleElement().satisfies(e -> assertThat(e.state().monitoring()).isNull());
        assertThat(f.dn(SUPERVISOR).monitoring()).isNull();
        CallSnapshot next = f.withCustomer(AGENT1);
        assertThat(f.call(next.id()).party(SUPERVISOR)).isEmpty();
    }

    @Test
    void everyCall_joinsTheAgentsNextCallToo() {
        CallSnapshot call = monitoredCall(CALL, false);
        done(f.sw.release(call.id(), AGENT1));

        CallSnapshot next = f.withCustomer(AGENT1);

        assertThat(f.stateOf(next.id(), SUPERVISOR)).isEqualTo(RINGING);
    }

    @Test
    void aSupervisorWhoLeftACall_isNotCalledBackWhenTheAgentRetrievesIt() {
        CallSnapshot call = monitoredCall(CALL, false);
        done(f.sw.release(call.id(), SUPERVISOR));
        assertThat(f.activeNumbers(call.id())).as("the supervisor's hangup does not end the call").containsExactly(AGENT1, CUSTOMER);

        done(f.sw.hold(call.id(), AGENT1));
        done(f.sw.retrieve(call.id(), AGENT1));

        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, CUSTOMER);
    }

    @Test
    void cancelMonitoring_takesTheSupervisorOutOfTheCall_andTheCallGoesOn() {
        CallSnapshot call = monitoredCall(CALL, false);
        f.recorder.clear();

        done(f.sw.cancelMonitoring(SUPERVISOR));

        assertThat(f.recorder.storyOf(SUPERVISOR)).containsExactly("RELEASED", "agent LOGGED_OUT");
        assertThat(f.recorder.releaseCauseOf(SUPERVISOR)).isEqualTo(ReleaseCause.MONITORING_ENDED);
        assertThat(f.dn(SUPERVISOR).monitoring()).isNull();
        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, CUSTOMER);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.cancelMonitoring(SUPERVISOR));
    }

    @Test
    void theCallEnds_whenTheCustomerHangsUp_leavingOnlyTheAgentAndTheSupervisor() {
        CallSnapshot call = f.customerCalls(CALLER, AGENT1);
        done(f.sw.answer(call.id(), AGENT1));
        done(f.sw.startMonitoring(SUPERVISOR, monitoring(AGENT1, BARGE_IN, CALL, false)));
        done(f.sw.answer(call.id(), SUPERVISOR));

        done(f.sw.customerHangUp(call.id(), CALLER));

        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
        assertThat(f.recorder.releaseCauseOf(SUPERVISOR)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
    }

    @Test
    void theMode_switchesBetweenListenInAndBargeIn_andACoachMaySwitchToEither_butNobodyToCoaching() {
        CallSnapshot call = monitoredCall(CALL, false); // listening in
        f.recorder.clear();

        done(f.sw.setMonitoringMode(call.id(), SUPERVISOR, BARGE_IN));
        assertThat(f.recorder.of(SUPERVISOR, CallEvent.MonitoringChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.party().monitoring()).isEqualTo(BARGE_IN));
        assertThat(f.dn(SUPERVISOR).monitoring().mode()).isEqualTo(BARGE_IN);
        assertThat(f.recorder.dnEventsOf(SUPERVISOR)).singleElement().satisfies(e -> assertThat(e.state().monitoring().mode()).isEqualTo(BARGE_IN));
        done(f.sw.setMonitoringMode(call.id(), SUPERVISOR, LISTEN_IN));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMonitoringMode(call.id(), SUPERVISOR, LISTEN_IN));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMonitoringMode(call.id(), SUPERVISOR, COACH));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMonitoringMode(call.id(), AGENT1, BARGE_IN));
        assertRejected(Reason.UNKNOWN_CALL, f.sw.setMonitoringMode(call.id(), AGENT3, BARGE_IN));
        assertThat(f.call(call.id()).party(SUPERVISOR).orElseThrow().monitoring()).isEqualTo(LISTEN_IN);

        done(f.sw.cancelMonitoring(SUPERVISOR));
        done(f.sw.startMonitoring(SUPERVISOR, monitoring(AGENT1, COACH, CALL, false)));
        done(f.sw.answer(call.id(), SUPERVISOR));
        done(f.sw.setMonitoringMode(call.id(), SUPERVISOR, BARGE_IN));
        assertThat(f.call(call.id()).party(SUPERVISOR).orElseThrow().monitoring()).isEqualTo(BARGE_IN);
    }

    @Test
    void bargingIn_showsTheSupervisorToTheOthers_whoAreToldTheirParticipantsChanged() {
        CallSnapshot call = monitoredCall(CALL, false); // listening in
        f.recorder.clear();

        done(f.sw.setMonitoringMode(call.id(), SUPERVISOR, BARGE_IN));

        assertThat(f.recorder.of(AGENT1)).singleElement().isInstanceOf(CallEvent.PartiesChanged.class);
        assertThat(f.recorder.of(SUPERVISOR, CallEvent.PartiesChanged.class)).isEmpty();
    }

    @Test
    void aSupervisor_doesNotMakeACallAConference_andCannotBeRemovedByItsParties() {
        CallSnapshot call = monitoredCall(CALL, false);
        f.recorder.clear();

        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.removeParty(call.id(), AGENT1, CUSTOMER));
        done(f.sw.singleStepConference(call.id(), AGENT1, AGENT2, UserData.empty(), null));
        done(f.sw.answer(call.id(), AGENT2));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.removeParty(call.id(), AGENT1, SUPERVISOR));
        done(f.sw.removeParty(call.id(), AGENT1, AGENT2));
        assertThat(f.activeNumbers(call.id())).containsExactly(AGENT1, CUSTOMER, SUPERVISOR);
    }

    @Test
    void theMode_cannotChangeWhileTheSupervisorStillRings() {
        CallSnapshot call = f.withCustomer(AGENT1);
        done(f.sw.startMonitoring(SUPERVISOR, monitoring(AGENT1, LISTEN_IN, CALL, false)));

        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMonitoringMode(call.id(), SUPERVISOR, BARGE_IN));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMonitoredPartyMuted(call.id(), SUPERVISOR, true));
    }

    @Test
    void mutingTheMonitoredAgent_isToldToBoth_andUnmutedWhenTheSupervisorLeaves() {
        CallSnapshot call = monitoredCall(CALL, false);
        f.recorder.clear();

        done(f.sw.setMonitoredPartyMuted(call.id(), SUPERVISOR, true));

        assertThat(f.recorder.events).extracting(CallEvent::dn, e -> e.getClass().getSimpleName())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SUPERVISOR, "MonitoredPartyMuteChanged"),
                        org.assertj.core.groups.Tuple.tuple(AGENT1, "MonitoredPartyMuteChanged"));
        assertThat(f.call(call.id()).party(AGENT1).orElseThrow().mutedBySupervisor()).isTrue();
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMonitoredPartyMuted(call.id(), SUPERVISOR, true));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMonitoredPartyMuted(call.id(), AGENT1, false));

        done(f.sw.release(call.id(), SUPERVISOR));
        assertThat(f.call(call.id()).party(AGENT1).orElseThrow().mutedBySupervisor()).isFalse();
        assertThat(f.recorder.of(AGENT1, CallEvent.MonitoredPartyMuteChanged.class)).hasSize(2);
    }

    @Test
    void oneSupervisorPerAgent_andOneMonitoringPerSupervisor_andRefusalsChangeNothing() {
        done(f.sw.startMonitoring(SUPERVISOR, monitoring(AGENT1, LISTEN_IN, CALL, false)));
        f.recorder.clear();
        DnSnapshot before = f.dn(SUPERVISOR);

        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.startMonitoring(AGENT3, monitoring(AGENT1, LISTEN_IN, CALL, false)));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.startMonitoring(SUPERVISOR, monitoring(AGENT2, LISTEN_IN, CALL, false)));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.startMonitoring(AGENT3, monitoring(AGENT3, LISTEN_IN, CALL, false)));
        assertRejected(Reason.UNKNOWN_DN, f.sw.startMonitoring(AGENT3, monitoring("19999", LISTEN_IN, CALL, false)));
        assertRejected(Reason.UNKNOWN_DN, f.sw.startMonitoring("19999", monitoring(AGENT2, LISTEN_IN, CALL, false)));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.cancelMonitoring(AGENT3));

        assertThat(f.dn(SUPERVISOR)).isEqualTo(before);
        assertThat(f.dn(AGENT3).monitoring()).isNull();
        assertThat(f.recorder.all).isEmpty();
    }

    @Test
    void aMonitoringSupervisor_cannotHoldTransferConferenceOrConsult() {
        CallSnapshot call = monitoredCall(CALL, false);
        f.recorder.clear();
        CallSnapshot before = f.call(call.id());

        for (Supplier<java.util.concurrent.CompletableFuture<?>> request : java.util.List.<Supplier<java.util.concurrent.CompletableFuture<?>>>of(
                () -> f.sw.hold(call.id(), SUPERVISOR),
                () -> f.sw.singleStepTransfer(call.id(), SUPERVISOR, AGENT3, UserData.empty(), null),
                () -> f.sw.singleStepConference(call.id(), SUPERVISOR, AGENT3, UserData.empty(), null),
                () -> f.sw.initiateConsult(call.id(), SUPERVISOR, AGENT3, UserData.empty(), null),
                () -> f.sw.removeParty(call.id(), SUPERVISOR, CUSTOMER))) {
            assertRejected(Reason.NOT_ALLOWED_IN_STATE, request.get());
        }

        assertThat(f.call(call.id())).isEqualTo(before);
        assertThat(f.recorder.all).isEmpty();
    }

    /** Agent 1 talking to a customer, with the supervisor listening in and established. */
    private CallSnapshot monitoredCall(MonitoringScope scope, boolean nextCallOnly) {
        CallSnapshot call = f.withCustomer(AGENT1);
        done(f.sw.startMonitoring(SUPERVISOR, monitoring(AGENT1, LISTEN_IN, scope, nextCallOnly)));
        done(f.sw.answer(call.id(), SUPERVISOR));
        assertThat(f.recorder.statesOf(SUPERVISOR)).last().isEqualTo(ESTABLISHED);
        return f.call(call.id());
    }

    private static Monitoring monitoring(String target, MonitoringMode mode, MonitoringScope scope, boolean nextCallOnly) {
        return new Monitoring(target, mode, scope, nextCallOnly);
    }

}
