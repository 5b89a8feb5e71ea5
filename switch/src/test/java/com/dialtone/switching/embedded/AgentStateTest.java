package com.dialtone.switching.embedded;

import static com.dialtone.switching.AgentState.AFTER_CALL_WORK;
import static com.dialtone.switching.AgentState.AUX_WORK;
import static com.dialtone.switching.AgentState.LOGGED_OUT;
import static com.dialtone.switching.AgentState.NOT_READY;
import static com.dialtone.switching.AgentState.READY;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.SwitchRejection.Reason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Agents logging in and out, their states and the after-call-work timer; do-not-disturb and forwarding settings. */
class AgentStateTest {

    private final SwitchFixture f = new SwitchFixture();

    @Test
    void everyDn_startsLoggedOut_withNoFeatures_andOtherNumbersAreNotDns() {
        DnSnapshot dn = f.dn(AGENT1);

        assertThat(dn.agentState()).isEqualTo(LOGGED_OUT);
        assertThat(dn.doNotDisturb()).isFalse();
        assertThat(dn.forwardTo()).isNull();
        assertThat(dn.monitoring()).isNull();
        assertThat(dn.wrapUpEndsAt()).isNull();
        assertThat(f.sw.dn("5550100")).isEmpty();
        assertThat(f.sw.routingPoints()).isEmpty();
    }

    @Test
    void login_makesTheAgentNotReady_andLoggingInAgain_changesNothingButIsStillReported() {
        done(f.sw.login(AGENT1));
        assertThat(f.dn(AGENT1).agentState()).isEqualTo(NOT_READY);
        Instant since = f.dn(AGENT1).agentStateSince();

        f.loop.advance(Duration.ofSeconds(5));
        done(f.sw.login(AGENT1));

        assertThat(f.recorder.agentStatesOf(AGENT1)).containsExactly(NOT_READY, NOT_READY);
        assertThat(f.dn(AGENT1).agentStateSince()).isEqualTo(since);
        assertThat(f.recorder.events).as("no call is involved").isEmpty();
    }

    @Test
    void setAgentState_movesTheAgentBetweenStates_andSinceFollowsEveryRealChange() {
        done(f.sw.login(AGENT1));
        f.loop.advance(Duration.ofSeconds(1));
        Instant readyAt = f.loop.now();

        done(f.sw.setAgentState(AGENT1, READY, null));
        f.loop.advance(Duration.ofSeconds(1));
        done(f.sw.setAgentState(AGENT1, READY, null));

        assertThat(f.dn(AGENT1).agentStateSince()).as("ready again is no change").isEqualTo(readyAt);
        done(f.sw.setAgentState(AGENT1, AUX_WORK, null));
        done(f.sw.setAgentState(AGENT1, AFTER_CALL_WORK, null));
        done(f.sw.setAgentState(AGENT1, NOT_READY, null));
        assertThat(f.recorder.agentStatesOf(AGENT1)).containsExactly(NOT_READY, READY, READY, AUX_WORK, AFTER_CALL_WORK, NOT_READY);
        assertThat(f.dn(AGENT1).agentStateSince()).isEqualTo(f.loop.now());
    }

    @Test
    void setAgentState_whileLoggedOut_isRefused_andChangesNothing() {
        DnSnapshot before = f.dn(AGENT1);

        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setAgentState(AGENT1, READY, null));

        assertThat(f.dn(AGENT1)).isEqualTo(before);
        assertThat(f.recorder.dnEvents).isEmpty();
    }

    @Test
    void setAgentState_refusesWhatIsNotAnAgentState_orAWrapUpTimeThatDoesNotFit() {
        done(f.sw.login(AGENT1));
        f.recorder.clear();
        DnSnapshot before = f.dn(AGENT1);

        assertRejected(Reason.INVALID_ARGUMENT, f.sw.setAgentState(AGENT1, LOGGED_OUT, null));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.setAgentState(AGENT1, null, null));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.setAgentState(AGENT1, READY, Duration.ofSeconds(5)));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.setAgentState(AGENT1, AFTER_CALL_WORK, Duration.ofSeconds(-1)));
        assertRejected(Reason.UNKNOWN_DN, f.sw.setAgentState("19999", READY, null));
        assertRejected(Reason.UNKNOWN_DN, f.sw.login("19999"));

        assertThat(f.dn(AGENT1)).isEqualTo(before);
        assertThat(f.recorder.dnEvents).isEmpty();
    }

    @Test
    void afterCallWork_withAWrapUpTime_makesTheAgentReadyWhenItRunsOut() {
        done(f.sw.login(AGENT1));
        Instant start = f.loop.now();

        done(f.sw.setAgentState(AGENT1, AFTER_CALL_WORK, Duration.ofSeconds(30)));
        assertThat(f.dn(AGENT1).wrapUpEndsAt()).isEqualTo(start.plusSeconds(30));

        f.loop.advance(Duration.ofSeconds(29));
        assertThat(f.dn(AGENT1).agentState()).isEqualTo(AFTER_CALL_WORK);
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(f.dn(AGENT1).agentState()).isEqualTo(READY);
        assertThat(f.dn(AGENT1).wrapUpEndsAt()).isNull();
        assertThat(f.recorder.agentStatesOf(AGENT1)).containsExactly(NOT_READY, AFTER_CALL_WORK, READY);
    }

    @Test
    void anyStateChange_orLogout_cancelsTheWrapUpTimer() {
        f.ready(AGENT1, AGENT2);
        done(f.sw.setAgentState(AGENT1, AFTER_CALL_WORK, Duration.ofSeconds(30)));
        done(f.sw.setAgentState(AGENT1, NOT_READY, null));
        done(f.sw.setAgentState(AGENT2, AFTER_CALL_WORK, Duration.ofSeconds(30)));
        done(f.sw.logout(AGENT2));

        assertThat(f.loop.pendingTimers()).isZero();
        f.loop.advance(Duration.ofMinutes(1));
        assertThat(f.dn(AGENT1).agentState()).isEqualTo(NOT_READY);
        assertThat(f.dn(AGENT2).agentState()).isEqualTo(LOGGED_OUT);
        assertThat(f.dn(AGENT2).wrapUpEndsAt()).isNull();
    }

    @Test
    void doNotDisturb_andForwarding_areSetAndCleared_eachRequestReported() {
        done(f.sw.setDoNotDisturb(AGENT1, true));
        done(f.sw.setDoNotDisturb(AGENT1, true));
        assertThat(f.dn(AGENT1).doNotDisturb()).isTrue();
        done(f.sw.setForwarding(AGENT1, "+15551234"));
        assertThat(f.dn(AGENT1).forwardTo()).isEqualTo("+15551234");
        done(f.sw.setForwarding(AGENT1, null));
        done(f.sw.setDoNotDisturb(AGENT1, false));

        assertThat(f.dn(AGENT1).doNotDisturb()).isFalse();
        assertThat(f.dn(AGENT1).forwardTo()).isNull();
        assertThat(f.recorder.dnEventsOf(AGENT1)).extracting(e -> e.state().doNotDisturb(), e -> e.state().forwardTo())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, null), org.assertj.core.groups.Tuple.tuple(true, null),
                        org.assertj.core.groups.Tuple.tuple(true, "+15551234"), org.assertj.core.groups.Tuple.tuple(true, null),
                        org.assertj.core.groups.Tuple.tuple(false, null));
    }

    @Test
    void setForwarding_toItself_orToSomethingNotDiallable_isRefused() {
        done(f.sw.setForwarding(AGENT1, AGENT2));
        f.recorder.clear();

        assertRejected(Reason.INVALID_DESTINATION, f.sw.setForwarding(AGENT1, AGENT1));
        assertRejected(Reason.INVALID_DESTINATION, f.sw.setForwarding(AGENT1, "sales"));
        assertRejected(Reason.INVALID_DESTINATION, f.sw.setForwarding(AGENT1, ""));
        assertRejected(Reason.UNKNOWN_DN, f.sw.setForwarding("19999", AGENT2));
        assertRejected(Reason.UNKNOWN_DN, f.sw.setDoNotDisturb("19999", true));

        assertThat(f.dn(AGENT1).forwardTo()).isEqualTo(AGENT2);
        assertThat(f.recorder.dnEvents).isEmpty();
    }
}
