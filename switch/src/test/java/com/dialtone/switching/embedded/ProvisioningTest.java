package com.dialtone.switching.embedded;

import static com.dialtone.switching.AgentState.AFTER_CALL_WORK;
import static com.dialtone.switching.AgentState.LOGGED_OUT;
import static com.dialtone.switching.AgentState.NOT_READY;
import static com.dialtone.switching.AgentState.READY;
import static com.dialtone.switching.MonitoringMode.LISTEN_IN;
import static com.dialtone.switching.MonitoringScope.CALL;
import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.RINGING;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT3;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT4;
import static com.dialtone.switching.embedded.SwitchFixture.CALLER;
import static com.dialtone.switching.embedded.SwitchFixture.CALLER2;
import static com.dialtone.switching.embedded.SwitchFixture.SALES;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.RoutingPointSnapshot;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DNs added and removed, and agents moved between routing points, while the switch runs. */
class ProvisioningTest {

    private static final String NEW_DN = "15005";
    private static final String UNKNOWN = "15999";
    private static final String SUPPORT = "8001";
    /** Sales taken by agents 1 and 2, Support by agent 3; agent 3 wraps up for 10 s. */
    private static final RoutingPlan TWO_POINTS = new RoutingPlan(
            List.of(new RoutingPlan.RoutingPoint(SALES, "Sales", List.of(AGENT1, AGENT2)),
                    new RoutingPlan.RoutingPoint(SUPPORT, "Support", List.of(AGENT3))),
            Duration.ofSeconds(15), Map.of(AGENT3, Duration.ofSeconds(10)));

    private final SwitchFixture f = new SwitchFixture(TWO_POINTS);

    // ---- adding ----

    @Test
    void anAddedDn_isLoggedOutWithoutFeatures_andCanDial_beDialled_andLogIn() {
        done(f.sw.addDn(NEW_DN));

        assertThat(f.dn(NEW_DN)).isEqualTo(new DnSnapshot(NEW_DN, LOGGED_OUT, f.loop.now(), null, false, null, null));
        CallSnapshot out = f.dial(NEW_DN, AGENT1);
        assertThat(out.type()).isEqualTo(CallType.INTERNAL);
        assertThat(f.stateOf(out.id(), AGENT1)).isEqualTo(RINGING);
        done(f.sw.release(out.id(), NEW_DN));

        CallSnapshot in = f.dial(AGENT2, NEW_DN);
        assertThat(in.type()).as("a DN, not a far end").isEqualTo(CallType.INTERNAL);
        assertThat(in.party(NEW_DN).orElseThrow().internal()).isTrue();
        done(f.sw.answer(in.id(), NEW_DN));
        assertThat(f.stateOf(in.id(), NEW_DN)).isEqualTo(ESTABLISHED);

        done(f.sw.login(NEW_DN));
        assertThat(f.recorder.agentStatesOf(NEW_DN)).containsExactly(NOT_READY);
    }

    @Test
    void addDn_refusesADn_aRoutingPoint_orANumberThatIsNotDigits() {
        List<RoutingPointSnapshot> before = f.sw.routingPoints();

        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.addDn(AGENT1));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.addDn(SALES));
        for (String bad : new String[] {"", "abc", "+15005", "15*05", "1".repeat(33)}) {
            assertRejected(Reason.INVALID_ARGUMENT, f.sw.addDn(bad));
            assertThat(f.sw.dn(bad)).isEmpty();
        }
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.addDn(null));

        assertThat(f.sw.dn(SALES)).as("a routing point is still not a DN").isEmpty();
        assertThat(f.sw.routingPoints()).isEqualTo(before);
        assertThat(f.recorder.all).isEmpty();
    }

    // ---- removing ----

    @Test
    void aRemovedDn_isRefusedForRequests_andACallToIt_goesWhereAnUnknownNumbersCallGoes() {
        done(f.sw.removeDn(AGENT2));

        assertThat(f.sw.dn(AGENT2)).isEmpty();
        assertRejected(Reason.UNKNOWN_DN, f.sw.dial(AGENT2, AGENT1, UserData.empty(), null));
        assertRejected(Reason.UNKNOWN_DN, f.sw.login(AGENT2));
        assertRejected(Reason.UNKNOWN_DN, f.sw.removeDn(AGENT2));

        CallSnapshot toRemoved = f.dial(AGENT1, AGENT2);
        CallSnapshot toUnknown = f.dial(AGENT3, UNKNOWN);
        for (CallSnapshot call : List.of(toRemoved, toUnknown)) {
            assertThat(call.type()).isEqualTo(CallType.OUTBOUND);
            assertThat(call.parties()).extracting(PartySnapshot::internal).containsExactly(true, false);
        }
        f.loop.advance(Duration.ofSeconds(1)); // the demo plan's far ends answer after a second
        assertThat(f.stateOf(toRemoved.id(), AGENT2)).isEqualTo(ESTABLISHED);
        assertThat(f.stateOf(toUnknown.id(), UNKNOWN)).isEqualTo(ESTABLISHED);

        assertRejected(Reason.INVALID_DESTINATION, f.sw.customerCall(CALLER, AGENT2, UserData.empty(), CustomerBehaviour.stays()));
        assertRejected(Reason.INVALID_DESTINATION, f.sw.customerCall(CALLER, UNKNOWN, UserData.empty(), CustomerBehaviour.stays()));
    }

    @Test
    void removingADnThatIsAPartyOfACall_isRefused_andChangesNothing() {
        f.ready(AGENT1);
        CallSnapshot held = f.connected(AGENT1, AGENT2);
        done(f.sw.hold(held.id(), AGENT1));
        CallSnapshot dialling = f.dial(AGENT3, AGENT4);
        f.recorder.clear();

        for (String inACall : List.of(AGENT1, AGENT2, AGENT3, AGENT4)) { // held, established, dialling, ringing
            assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.removeDn(inACall));
            assertThat(f.sw.dn(inACall)).isPresent();
        }

        assertThat(f.recorder.all).isEmpty();
        assertThat(f.dn(AGENT1).agentState()).isEqualTo(READY);
        assertThat(f.activeNumbers(held.id())).containsExactly(AGENT1, AGENT2);
        assertThat(f.activeNumbers(dialling.id())).containsExactly(AGENT3, AGENT4);
        assertThat(f.sw.routingPoints().get(0).agentDns()).containsExactly(AGENT1, AGENT2);
    }

    @Test
    void removingADnThatMonitors_orIsMonitored_isRefused_untilTheMonitoringIsCancelled() {
        Monitoring monitoring = new Monitoring(AGENT1, LISTEN_IN, CALL, false);
        done(f.sw.startMonitoring(AGENT4, monitoring));

        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.removeDn(AGENT4));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.removeDn(AGENT1));
        assertThat(f.dn(AGENT4).monitoring()).isEqualTo(monitoring);
        assertThat(f.sw.dn(AGENT1)).isPresent();

        done(f.sw.cancelMonitoring(AGENT4));
        done(f.sw.removeDn(AGENT4));
        done(f.sw.removeDn(AGENT1));
        assertThat(f.sw.dn(AGENT4)).isEmpty();
        assertThat(f.sw.dn(AGENT1)).isEmpty();
    }

    @Test
    void removingALoggedInAgent_logsItOut_andTakesItOutOfItsRoutingPoints() {
        f.ready(AGENT1);
        f.recorder.clear();

        done(f.sw.removeDn(AGENT1));

        assertThat(f.recorder.agentStatesOf(AGENT1)).containsExactly(LOGGED_OUT);
        assertThat(f.sw.routingPoints()).extracting(RoutingPointSnapshot::agentDns)
                .containsExactly(List.of(AGENT2), List.of(AGENT3));
        CallSnapshot call = f.customerCalls(CALLER, SALES);
        assertThat(f.waitingAt(SALES)).containsExactly(call.id());
    }

    @Test
    void aDnRemovedAndAddedAgain_startsAfresh_loggedOut_andInNoRoutingPoint() {
        f.ready(AGENT3);
        done(f.sw.removeDn(AGENT3));
        done(f.sw.addDn(AGENT3));

        assertThat(f.dn(AGENT3).agentState()).isEqualTo(LOGGED_OUT);
        assertThat(f.sw.routingPoints()).allSatisfy(point -> assertThat(point.agentDns()).doesNotContain(AGENT3));
        f.ready(AGENT3);
        CallSnapshot call = f.customerCalls(CALLER, SUPPORT);
        assertThat(f.waitingAt(SUPPORT)).containsExactly(call.id());
    }

    // ---- routing ----

    @Test
    void setRouting_movesAnAgent_toAnotherRoutingPoint() {
        done(f.sw.setRouting(AGENT1, Set.of(SUPPORT), null));

        assertThat(f.sw.routingPoints()).extracting(RoutingPointSnapshot::agentDns)
                .containsExactly(List.of(AGENT2), List.of(AGENT3, AGENT1));
        f.ready(AGENT1);
        CallSnapshot sales = f.customerCalls(CALLER, SALES);
        assertThat(f.waitingAt(SALES)).as("agent 1 no longer takes Sales calls").containsExactly(sales.id());
        assertThat(f.sw.callsAt(AGENT1)).isEmpty();

        CallSnapshot support = f.customerCalls(CALLER2, SUPPORT);
        assertThat(f.ringingAt(AGENT1)).map(CallSnapshot::id).contains(support.id());
    }

    @Test
    void anIdleReadyAgent_addedToARoutingPointWithAWaitingCall_isOfferedItAtOnce() {
        f.ready(AGENT4);
        CallSnapshot call = f.customerCalls(CALLER, SALES);
        f.recorder.clear();

        done(f.sw.setRouting(AGENT4, Set.of(SALES, SUPPORT), null));

        assertThat(f.ringingAt(AGENT4)).map(CallSnapshot::id).contains(call.id());
        assertThat(f.recorder.storyOf(AGENT4)).as("its own state did not change").containsExactly("RINGING");
        assertThat(f.waitingAt(SALES)).isEmpty();
    }

    @Test
    void anAgentWhoIsNotReady_addedToARoutingPointWithAWaitingCall_isOfferedIt_onceReady() {
        done(f.sw.login(AGENT4));
        CallSnapshot call = f.customerCalls(CALLER, SALES);

        done(f.sw.setRouting(AGENT4, Set.of(SALES), null));
        assertThat(f.sw.callsAt(AGENT4)).isEmpty();

        done(f.sw.setAgentState(AGENT4, READY, null));
        assertThat(f.ringingAt(AGENT4)).map(CallSnapshot::id).contains(call.id());
    }

    @Test
    void aCallAlreadyRinging_staysWithTheAgent_whoLeavesTheRoutingPoint() {
        f.ready(AGENT1);
        CallSnapshot first = f.customerCalls(CALLER, SALES);

        done(f.sw.setRouting(AGENT1, Set.of(), null));

        assertThat(f.ringingAt(AGENT1)).map(CallSnapshot::id).contains(first.id());
        done(f.sw.answer(first.id(), AGENT1));
        done(f.sw.customerHangUp(first.id(), CALLER));
        CallSnapshot second = f.customerCalls(CALLER2, SALES);
        assertThat(f.waitingAt(SALES)).containsExactly(second.id());
    }

    @Test
    void theAgentsWhoRemain_keepTheirPlaceInTheLongestIdleOrder() {
        done(f.sw.setRouting(AGENT3, Set.of(SALES), null));
        f.ready(AGENT2);
        f.loop.advance(Duration.ofSeconds(1));
        f.ready(AGENT1, AGENT3);
        f.loop.advance(Duration.ofSeconds(1));

        done(f.sw.setRouting(AGENT1, Set.of(SALES), null)); // no change for agent 1: neither idle anew nor last in line
        done(f.sw.setRouting(AGENT2, Set.of(), null));

        CallSnapshot first = f.customerCalls(CALLER, SALES);
        CallSnapshot second = f.customerCalls(CALLER2, SALES);
        assertThat(f.ringingAt(AGENT1)).as("as idle as agent 3, and before it in line").map(CallSnapshot::id).contains(first.id());
        assertThat(f.ringingAt(AGENT3)).map(CallSnapshot::id).contains(second.id());
        assertThat(f.sw.callsAt(AGENT2)).isEmpty();
    }

    @Test
    void aNewWrapUpTime_appliesWhenTheNextRoutedCallEnds() {
        f.ready(AGENT1, AGENT3);
        done(f.sw.setRouting(AGENT3, Set.of(SUPPORT), null));
        CallSnapshot sales = f.customerCalls(CALLER, SALES);
        CallSnapshot support = f.customerCalls(CALLER2, SUPPORT);
        done(f.sw.answer(sales.id(), AGENT1));
        done(f.sw.answer(support.id(), AGENT3));

        done(f.sw.setRouting(AGENT1, Set.of(SALES), Duration.ofSeconds(30)));
        done(f.sw.customerHangUp(sales.id(), CALLER));
        done(f.sw.customerHangUp(support.id(), CALLER2));

        assertThat(f.dn(AGENT1).agentState()).isEqualTo(AFTER_CALL_WORK);
        assertThat(f.dn(AGENT1).wrapUpEndsAt()).isEqualTo(f.loop.now().plusSeconds(30));
        assertThat(f.dn(AGENT3).agentState()).as("its wrap-up time was taken away").isEqualTo(READY);
    }

    @Test
    void setRouting_refusesAnUnknownDn_routingPoint_orTime_andChangesNothing() {
        List<RoutingPointSnapshot> before = f.sw.routingPoints();
        Set<String> withNull = new HashSet<>();
        withNull.add(null);

        assertRejected(Reason.UNKNOWN_DN, f.sw.setRouting(UNKNOWN, Set.of(SALES), null));
        assertRejected(Reason.UNKNOWN_DN, f.sw.setRouting(null, Set.of(SALES), null));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.setRouting(AGENT4, Set.of(SALES, "8999"), null));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.setRouting(AGENT4, Set.of(AGENT1), null));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.setRouting(AGENT4, withNull, null));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.setRouting(AGENT4, null, null));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.setRouting(AGENT4, Set.of(SALES), Duration.ofSeconds(-1)));

        assertThat(f.sw.routingPoints()).isEqualTo(before);
        done(f.sw.removeDn(AGENT2));
        assertRejected(Reason.UNKNOWN_DN, f.sw.setRouting(AGENT2, Set.of(SALES), null));
    }
}
