package com.dialtone.switching.embedded;

import static com.dialtone.switching.PartyState.DIALING;
import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.HELD;
import static com.dialtone.switching.PartyState.RINGING;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.DEMO_PLAN;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Endpoints;
import com.dialtone.switching.endpoint.Leg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The seam between the call logic and the devices, seen from an endpoint of another kind (as a SIP one
 * would be): what the switch tells it, in which order, and what its reports do. 15002 and every number
 * starting with + are played by a recording endpoint; the rest is simulated.
 */
class EndpointSeamTest {

    private static final String TRUNK_NUMBER = "+15550000";

    /** Writes down every action; answers only when it reports so, unless told otherwise. */
    static final class RecordingEndpoint implements Endpoint {

        final List<String> actions = new ArrayList<>();
        final List<Leg> legs = new ArrayList<>();
        boolean registered = true;
        boolean answersAtOnce;

        @Override
        public void requireReady(String number) {
            if (!registered) {
                throw new SwitchRejection(Reason.DEVICE_UNAVAILABLE, "Device '" + number + "' is not registered.");
            }
        }

        private void act(String action, Leg leg) {
            actions.add(action + " " + leg.number());
            if (!legs.contains(leg)) {
                legs.add(leg);
            }
        }

        @Override
        public void dial(Leg leg) {
            act("dial", leg);
        }

        @Override
        public void ring(Leg leg) {
            act("ring", leg);
        }

        @Override
        public boolean answer(Leg leg) {
            act("answer", leg);
            return answersAtOnce;
        }

        @Override
        public void connect(Leg leg) {
            act("connect", leg);
        }

        @Override
        public void update(Leg leg) {
            act("update", leg);
        }

        @Override
        public void hold(Leg leg) {
            act("hold", leg);
        }

        @Override
        public void retrieve(Leg leg) {
            act("retrieve", leg);
        }

        @Override
        public void playDtmf(Leg leg, String digits) {
            act("dtmf " + digits + " to", leg);
        }

        @Override
        public void release(Leg leg, ReleaseCause cause) {
            act("release " + cause, leg);
        }
    }

    private final RecordingEndpoint device = new RecordingEndpoint();
    private final ManualSwitchLoop loop = new ManualSwitchLoop();
    private final EventRecorder recorder = new EventRecorder();
    private final EmbeddedSwitch sw;

    EndpointSeamTest() {
        SimulatedEndpoints simulated = new SimulatedEndpoints(DEMO_PLAN);
        Endpoints endpoints = new Endpoints() {
            @Override
            public Endpoint ofDn(String dn) {
                return dn.equals(AGENT2) ? device : simulated.ofDn(dn);
            }

            @Override
            public Endpoint ofExternal(String number) {
                return number.startsWith("+") ? device : simulated.ofExternal(number);
            }
        };
        sw = new EmbeddedSwitch(Set.of(AGENT1, AGENT2), RoutingPlan.none(), endpoints, loop);
        sw.addListener(recorder);
    }

    private CallSnapshot call(String id) {
        return sw.call(id).orElseThrow();
    }

    @Test
    void aCallToTheDevice_ringsIt_andAnAnswerRequest_waitsForTheDeviceToReportIt() {
        CallSnapshot call = done(sw.dial(AGENT1, AGENT2, UserData.empty(), null));
        assertThat(device.actions).containsExactly("ring " + AGENT2);
        Leg leg = device.legs.get(0);
        assertThat(leg.callId()).isEqualTo(call.id());
        assertThat(leg.isInternal()).isTrue();
        assertThat(leg.ani()).isEqualTo(AGENT1);

        done(sw.answer(call.id(), AGENT2));
        assertThat(call(call.id()).party(AGENT2).orElseThrow().state()).isEqualTo(RINGING); // asked, not answered yet

        leg.answered(); // the phone answered (a real one would, seconds later, on another thread)
        assertThat(call(call.id()).party(AGENT2).orElseThrow().state()).isEqualTo(ESTABLISHED);
        assertThat(call(call.id()).party(AGENT1).orElseThrow().state()).isEqualTo(ESTABLISHED);
        assertThat(device.actions).containsExactly("ring " + AGENT2, "answer " + AGENT2, "connect " + AGENT2);
    }

    @Test
    void requestsTheDeviceMustCarryOut_areRefusedWhileItIsNotRegistered_andChangeNothing() {
        CallSnapshot call = done(sw.dial(AGENT1, AGENT2, UserData.empty(), null));
        device.registered = false;
        int events = recorder.events.size();

        assertRejected(Reason.DEVICE_UNAVAILABLE, sw.answer(call.id(), AGENT2));
        assertRejected(Reason.DEVICE_UNAVAILABLE, sw.dial(AGENT2, AGENT1, UserData.empty(), null));

        assertThat(recorder.events).hasSize(events);
        assertThat(call(call.id()).party(AGENT2).orElseThrow().state()).isEqualTo(RINGING);
        done(sw.reject(call.id(), AGENT2)); // leaving a call is never refused
        assertThat(sw.call(call.id())).isEmpty();
        assertThat(device.actions).containsExactly("ring " + AGENT2, "release REJECTED " + AGENT2);
    }

    @Test
    void holdRetrieveDtmfAndRelease_goOutThroughTheEndpoint_butWhatTheDeviceReportedIsNotEchoed() {
        device.answersAtOnce = true;
        CallSnapshot call = done(sw.dial(AGENT2, AGENT1, UserData.empty(), null));
        done(sw.answer(call.id(), AGENT1));
        done(sw.hold(call.id(), AGENT2));
        done(sw.retrieve(call.id(), AGENT2));
        done(sw.sendDtmf(call.id(), AGENT1, "12#"));
        Leg leg = device.legs.get(0);
        leg.held(); // the phone's own hold button
        assertThat(call(call.id()).party(AGENT2).orElseThrow().state()).isEqualTo(HELD);
        leg.retrieved();
        leg.dtmf("5");
        leg.hungUp();

        assertThat(sw.call(call.id())).isEmpty();
        assertThat(device.actions).containsExactly("dial " + AGENT2, "connect " + AGENT2, "hold " + AGENT2,
                "retrieve " + AGENT2, "dtmf 12# to " + AGENT2);
        assertThat(recorder.events).filteredOn(CallEvent.DtmfSent.class::isInstance)
                .extracting(e -> ((CallEvent.DtmfSent) e).dn() + " hears " + ((CallEvent.DtmfSent) e).digits())
                .containsExactly(AGENT1 + " hears 12#", AGENT2 + " hears 5", AGENT1 + " hears 5");
        assertThat(recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
    }

    @Test
    void anExternalNumberOnTheTrunk_isRung_andItsBusyReport_failsTheCall() {
        CallSnapshot call = done(sw.dial(AGENT1, TRUNK_NUMBER, UserData.empty(), null));
        assertThat(device.actions).containsExactly("ring " + TRUNK_NUMBER);

        device.legs.get(0).busy();

        assertThat(sw.call(call.id())).isEmpty();
        assertThat(recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.BUSY);
        assertThat(device.actions).containsExactly("ring " + TRUNK_NUMBER);
    }

    @Test
    void aCallFromOutside_isNotDialledByItsDevice_andReportsMadeAfterItsLegEnded_changeNothing() {
        Leg caller = done(sw.fromOutside(device, TRUNK_NUMBER, AGENT1, UserData.empty(), "dialog-1"));
        assertThat(caller.attachment()).isEqualTo("dialog-1");
        assertThat(call(caller.callId()).party(TRUNK_NUMBER).orElseThrow().state()).isEqualTo(DIALING);
        assertThat(device.actions).isEmpty();

        done(sw.answer(caller.callId(), AGENT1));
        assertThat(device.actions).containsExactly("connect " + TRUNK_NUMBER);
        done(sw.release(caller.callId(), AGENT1));
        assertThat(device.actions).containsExactly("connect " + TRUNK_NUMBER, "release OTHER_PARTY_HUNG_UP " + TRUNK_NUMBER);

        int events = recorder.events.size();
        caller.hungUp();
        caller.answered();
        assertThat(recorder.events).hasSize(events);
    }

    @Test
    void aDeviceDiallingByItself_makesTheCall_withoutBeingAskedToDial() {
        Leg leg = done(sw.fromDn(AGENT2, AGENT1, null));
        assertThat(call(leg.callId()).party(AGENT2).orElseThrow().state()).isEqualTo(DIALING);
        assertThat(call(leg.callId()).party(AGENT1).orElseThrow().state()).isEqualTo(RINGING);
        assertThat(device.actions).isEmpty();
    }

    @Test
    void reportsLaterOnTheSwitchClock_happenThen_andNotAfterTheLegEnded() {
        CallSnapshot call = done(sw.dial(AGENT1, AGENT2, UserData.empty(), null));
        Leg leg = device.legs.get(0);
        loop.execute(() -> leg.after(Duration.ofSeconds(2)).answered());

        loop.advance(Duration.ofSeconds(1));
        assertThat(call(call.id()).party(AGENT2).orElseThrow().state()).isEqualTo(RINGING);
        loop.advance(Duration.ofSeconds(1));
        assertThat(call(call.id()).party(AGENT2).orElseThrow().state()).isEqualTo(ESTABLISHED);

        loop.execute(() -> leg.after(Duration.ofSeconds(5)).hungUp());
        done(sw.release(call.id(), AGENT1));
        assertThat(loop.pendingTimers()).isZero();
    }

    @Test
    void aTransferCompleted_movesTheFarEndOnItsLeg_updatedNotReleased_andTheTransferrerIsReleased() {
        device.answersAtOnce = true;
        CallSnapshot call = done(sw.dial(AGENT1, AGENT2, UserData.empty(), null));
        done(sw.answer(call.id(), AGENT2));
        CallSnapshot consult = done(sw.initiateConsult(call.id(), AGENT2, TRUNK_NUMBER, UserData.empty(), null));
        Leg trunk = device.legs.stream().filter(l -> l.number().equals(TRUNK_NUMBER)).findFirst().orElseThrow();
        trunk.answered();
        device.actions.clear();

        done(sw.completeTransfer(consult.id(), AGENT2));

        assertThat(trunk.callId()).isEqualTo(call.id());
        assertThat(trunk.peers()).extracting(Leg::number).containsExactly(AGENT1);
        assertThat(device.actions).containsExactlyInAnyOrder("update " + TRUNK_NUMBER,
                "release TRANSFERRED " + AGENT2, "release TRANSFERRED " + AGENT2);
        trunk.hungUp();
        assertThat(sw.call(call.id())).isEmpty();
    }

    @Test
    void aDnWithDoNotDisturb_isBusyWithoutItsDeviceEverHearingOfTheCall() {
        done(sw.setDoNotDisturb(AGENT2, true));
        CallSnapshot call = done(sw.dial(AGENT1, AGENT2, UserData.empty(), null));
        loop.runDueTimers();

        assertThat(sw.call(call.id())).isEmpty();
        assertThat(recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.BUSY);
        assertThat(device.actions).isEmpty();
    }
}
