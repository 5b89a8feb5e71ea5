package com.dialtone.switching.embedded;

import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.HELD;
import static com.dialtone.switching.PartyState.RELEASED;
import static com.dialtone.switching.PartyState.RINGING;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT3;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import org.junit.jupiter.api.Test;

/** Hold, retrieve, mute, reject, and the rule that a DN is active in one call at a time. */
class HoldMuteAndWaitingTest {

    private final SwitchFixture f = new SwitchFixture();

    @Test
    void hold_thenRetrieve_onlyChangesTheHoldersParty() {
        CallSnapshot call = f.connected(AGENT1, AGENT2);
        f.recorder.clear();

        done(f.sw.hold(call.id(), AGENT1));
        assertThat(f.stateOf(call.id(), AGENT1)).isEqualTo(HELD);
        assertThat(f.stateOf(call.id(), AGENT2)).isEqualTo(ESTABLISHED);

        done(f.sw.retrieve(call.id(), AGENT1));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(HELD, ESTABLISHED);
        assertThat(f.recorder.of(AGENT2)).isEmpty();
    }

    @Test
    void hold_andRetrieve_outOfTurn_areRefused() {
        CallSnapshot ringing = f.dial(AGENT1, AGENT2);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.hold(ringing.id(), AGENT1));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.hold(ringing.id(), AGENT2));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.retrieve(ringing.id(), AGENT1));
        done(f.sw.answer(ringing.id(), AGENT2));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.retrieve(ringing.id(), AGENT1));
        done(f.sw.hold(ringing.id(), AGENT1));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.hold(ringing.id(), AGENT1));
    }

    @Test
    void answeringASecondCall_putsTheFirstOnHold() {
        CallSnapshot first = f.connected(AGENT1, AGENT2);
        CallSnapshot second = f.dial(AGENT3, AGENT1);

        done(f.sw.answer(second.id(), AGENT1));

        assertThat(f.stateOf(first.id(), AGENT1)).isEqualTo(HELD);
        assertThat(f.stateOf(second.id(), AGENT1)).isEqualTo(ESTABLISHED);
    }

    @Test
    void dialling_whileEstablished_putsThatCallOnHold_butNotWhileStillDialling() {
        CallSnapshot first = f.connected(AGENT1, AGENT2);

        CallSnapshot second = f.dial(AGENT1, AGENT3);

        assertThat(f.stateOf(first.id(), AGENT1)).isEqualTo(HELD);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.dial(AGENT1, "5551212", UserData.empty(), null));
        CallSnapshot third = f.dial(AGENT2, AGENT1);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.answer(third.id(), AGENT1));
        assertThat(f.stateOf(second.id(), AGENT1)).isEqualTo(com.dialtone.switching.PartyState.DIALING);
    }

    @Test
    void retrieve_whileActiveInAnotherCall_isRefused() {
        CallSnapshot first = f.connected(AGENT1, AGENT2);
        done(f.sw.hold(first.id(), AGENT1));
        f.connected(AGENT1, AGENT3);

        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.retrieve(first.id(), AGENT1));
        assertThat(f.stateOf(first.id(), AGENT1)).isEqualTo(HELD);
    }

    @Test
    void swap_holdsTheActiveCallAndRetrievesTheHeldOne_fromEitherSide() {
        CallSnapshot first = f.connected(AGENT1, AGENT2);
        CallSnapshot second = f.dial(AGENT1, AGENT3);
        done(f.sw.answer(second.id(), AGENT3));

        done(f.sw.swap(second.id(), AGENT1, first.id()));
        assertThat(f.stateOf(first.id(), AGENT1)).isEqualTo(ESTABLISHED);
        assertThat(f.stateOf(second.id(), AGENT1)).isEqualTo(HELD);

        done(f.sw.swap(second.id(), AGENT1, first.id()));
        assertThat(f.stateOf(first.id(), AGENT1)).isEqualTo(HELD);
        assertThat(f.stateOf(second.id(), AGENT1)).isEqualTo(ESTABLISHED);
    }

    @Test
    void swap_needsOneEstablishedAndOneHeldCall() {
        CallSnapshot first = f.connected(AGENT1, AGENT2);
        CallSnapshot ringing = f.dial(AGENT3, AGENT1);

        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.swap(first.id(), AGENT1, ringing.id()));
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.swap(first.id(), AGENT1, first.id()));
        assertRejected(Reason.UNKNOWN_CALL, f.sw.swap(first.id(), AGENT1, "nope"));
    }

    @Test
    void mute_andUnmute_changeOnlyTheMutersParty_andRepeatsAreRefused() {
        CallSnapshot call = f.connected(AGENT1, AGENT2);
        f.recorder.clear();

        done(f.sw.setMuted(call.id(), AGENT1, true));
        assertThat(f.call(call.id()).party(AGENT1).orElseThrow().muted()).isTrue();
        assertThat(f.call(call.id()).party(AGENT2).orElseThrow().muted()).isFalse();
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMuted(call.id(), AGENT1, true));

        done(f.sw.setMuted(call.id(), AGENT1, false));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMuted(call.id(), AGENT1, false));
        assertThat(f.recorder.of(AGENT1, CallEvent.MuteChanged.class)).hasSize(2);
        assertThat(f.recorder.of(AGENT2)).isEmpty();
    }

    @Test
    void mute_whileHeldOrRinging_isRefused() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMuted(call.id(), AGENT2, true));
        done(f.sw.answer(call.id(), AGENT2));
        done(f.sw.hold(call.id(), AGENT2));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setMuted(call.id(), AGENT2, true));
    }

    @Test
    void reject_releasesTheCall_andTellsTheCallerWhy() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);

        done(f.sw.reject(call.id(), AGENT2));

        assertThat(f.recorder.of(AGENT1, CallEvent.DestinationFailed.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.destination()).isEqualTo(AGENT2);
                    assertThat(e.cause()).isEqualTo(ReleaseCause.REJECTED);
                });
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(com.dialtone.switching.PartyState.DIALING, RELEASED);
        assertThat(f.recorder.statesOf(AGENT2)).containsExactly(RINGING, RELEASED);
        assertThat(f.sw.call(call.id())).isEmpty();
    }

    @Test
    void reject_isOnlyForARingingCall() {
        CallSnapshot call = f.connected(AGENT1, AGENT2);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.reject(call.id(), AGENT2));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.reject(call.id(), AGENT1));
    }
}
