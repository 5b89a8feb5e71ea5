package com.dialtone.switching.embedded;

import static com.dialtone.switching.PartyState.DIALING;
import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.RELEASED;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo dial plan's far ends, with time moved by hand. */
class ExternalCallTest {

    private final SwitchFixture f = new SwitchFixture();

    @Test
    void anUnlistedNumber_ringsForOneSecond_thenAnswers() {
        CallSnapshot call = f.dial(AGENT1, "5551212");
        assertThat(call.type()).isEqualTo(CallType.OUTBOUND);
        assertThat(farEnd(call).internal()).isFalse();

        f.loop.advance(Duration.ofMillis(999));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING);

        f.loop.advance(Duration.ofMillis(1));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, ESTABLISHED);
        assertThat(farEnd(f.call(call.id())).state()).isEqualTo(ESTABLISHED);
    }

    @Test
    void answeredCall_staysUp_untilSomeoneHangsUp() {
        CallSnapshot call = f.dial(AGENT1, "5551212");
        f.loop.advance(Duration.ofMinutes(10));

        assertThat(f.call(call.id()).party(AGENT1).orElseThrow().state()).isEqualTo(ESTABLISHED);
        assertThat(f.loop.pendingTimers()).isZero();
    }

    @Test
    void number5550100_answersAtOnce() {
        f.dial(AGENT1, "5550100");
        f.loop.runDueTimers();

        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, ESTABLISHED);
    }

    @Test
    void number5550186_isBusy_andTheCallerIsReleasedWithBusy() {
        CallSnapshot call = f.dial(AGENT1, "5550186");
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING);

        f.loop.runDueTimers();

        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, RELEASED);
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.BUSY);
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void number5550187_ringsUntilTheNoAnswerTimeout_thenTheCallerIsReleasedWithNoAnswer() {
        CallSnapshot call = f.dial(AGENT1, "5550187");

        f.loop.advance(Duration.ofSeconds(29));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING);

        f.loop.advance(Duration.ofSeconds(1));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, RELEASED);
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.NO_ANSWER);
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void number5550188_answersAfterOneSecond_andHangsUpThreeSecondsLater() {
        CallSnapshot call = f.dial(AGENT1, "5550188");

        f.loop.advance(Duration.ofSeconds(1));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, ESTABLISHED);

        f.loop.advance(Duration.ofMillis(2999));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, ESTABLISHED);

        f.loop.advance(Duration.ofMillis(1));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, ESTABLISHED, RELEASED);
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void callerHangingUpFirst_cancelsTheFarEndsTimers() {
        CallSnapshot call = f.dial(AGENT1, "5550188");
        SwitchFixture.done(f.sw.release(call.id(), AGENT1));

        assertThat(f.loop.pendingTimers()).isZero();
        f.loop.advance(Duration.ofMinutes(1));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, RELEASED);
    }

    @Test
    void theDialPlanIsConfigurable() {
        DialPlan plan = new DialPlan(FarEndBehaviour.busy(),
                Map.of("777", FarEndBehaviour.answerAfter(Duration.ofSeconds(5))), Duration.ofSeconds(3));
        ManualSwitchLoop loop = new ManualSwitchLoop();
        EmbeddedSwitch sw = new EmbeddedSwitch(Set.of(AGENT1), plan, loop);
        EventRecorder recorder = new EventRecorder();
        sw.addListener(recorder);

        SwitchFixture.done(sw.dial(AGENT1, "123", com.dialtone.switching.UserData.empty(), null));
        loop.runDueTimers();
        assertThat(recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.BUSY);

        recorder.clear();
        SwitchFixture.done(sw.dial(AGENT1, "777", com.dialtone.switching.UserData.empty(), null));
        loop.advance(Duration.ofSeconds(3));
        assertThat(recorder.statesOf(AGENT1)).containsExactly(PartyState.DIALING, PartyState.RELEASED);
        assertThat(recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.NO_ANSWER);
    }

    private static PartySnapshot farEnd(CallSnapshot call) {
        return call.parties().get(1);
    }

    @Test
    void anOverride_makesANumberBusyForItsNextCalls_thenTheDialPlanAppliesAgain() {
        f.endpoints.overrideFarEnd("5551212", FarEndBehaviour.busy(), 2);
        for (int i = 0; i < 2; i++) {
            CallSnapshot call = f.dial(AGENT1, "5551212");
            f.loop.runDueTimers();
            assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.BUSY);
            assertThat(f.sw.call(call.id())).isEmpty();
        }

        CallSnapshot third = f.dial(AGENT1, "5551212");
        f.loop.advance(Duration.ofSeconds(1));
        assertThat(farEnd(f.call(third.id())).state()).as("the dial plan's: answers after 1 s").isEqualTo(ESTABLISHED);
    }

    @Test
    void anOverrideUntilCleared_answersAndHangsUp_andClearingIt_restoresTheDialPlan() {
        f.endpoints.overrideFarEnd("5550100", FarEndBehaviour.answerThenHangUp(Duration.ZERO, Duration.ZERO), 0);
        for (int i = 0; i < 3; i++) {
            CallSnapshot call = f.dial(AGENT1, "5550100");
            f.loop.runDueTimers();
            assertThat(f.sw.call(call.id())).as("answered and hung up at once").isEmpty();
        }
        f.endpoints.overrideFarEnd("5550100", null, 0);

        CallSnapshot call = f.dial(AGENT1, "5550100");
        f.loop.advance(Duration.ofMinutes(1));
        assertThat(farEnd(f.call(call.id())).state()).isEqualTo(ESTABLISHED);
    }
}
