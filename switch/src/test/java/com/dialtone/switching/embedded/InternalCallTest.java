package com.dialtone.switching.embedded;

import static com.dialtone.switching.PartyState.DIALING;
import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.RELEASED;
import static com.dialtone.switching.PartyState.RINGING;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InternalCallTest {

    private final SwitchFixture f = new SwitchFixture();

    @Test
    void dial_toAnotherDn_makesAnInternalCall_callerDialingAndCalleeRinging() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);

        assertThat(call.type()).isEqualTo(CallType.INTERNAL);
        assertThat(call.ani()).isEqualTo(AGENT1);
        assertThat(call.dnis()).isEqualTo(AGENT2);
        assertThat(call.id()).hasSize(32).matches("[0-9A-V]{32}");
        assertThat(call.connId()).matches("[0-9a-f]{16}");
        assertThat(call.parties()).extracting(PartySnapshot::number, PartySnapshot::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AGENT1, DIALING), org.assertj.core.groups.Tuple.tuple(AGENT2, RINGING));
        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING);
        assertThat(f.recorder.statesOf(AGENT2)).containsExactly(RINGING);
        assertThat(f.sw.callsAt(AGENT1)).extracting(CallSnapshot::id).containsExactly(call.id());
        assertThat(f.sw.callsAt(AGENT2)).extracting(CallSnapshot::id).containsExactly(call.id());
    }

    @Test
    void dial_keepsLocationAndUserDataOnTheCall() {
        CallSnapshot call = SwitchFixture.done(f.sw.dial(AGENT1, AGENT2, UserData.of(java.util.Map.of("Segment", "Gold")), "SiteB"));

        assertThat(call.location()).isEqualTo("SiteB");
        assertThat(call.userData().asMap()).containsEntry("Segment", "Gold");
    }

    @Test
    void answer_establishesBothSides_andBothEventsShowBothSidesEstablished() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        f.recorder.clear();

        SwitchFixture.done(f.sw.answer(call.id(), AGENT2));

        assertThat(f.recorder.events).hasSize(2).allSatisfy(event -> assertThat(event.call().parties())
                .extracting(PartySnapshot::state).containsOnly(ESTABLISHED));
        assertThat(f.recorder.events).extracting(CallEvent::dn).containsExactly(AGENT2, AGENT1);
    }

    @Test
    void hangup_byCaller_releasesBothAndEndsTheCall() {
        CallSnapshot call = connected();

        SwitchFixture.done(f.sw.release(call.id(), AGENT1));

        assertThat(f.recorder.statesOf(AGENT1)).containsExactly(DIALING, ESTABLISHED, RELEASED);
        assertThat(f.recorder.statesOf(AGENT2)).containsExactly(RINGING, ESTABLISHED, RELEASED);
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.HANGUP);
        assertThat(f.recorder.releaseCauseOf(AGENT2)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
        assertEnded(call);
    }

    @Test
    void hangup_byCallee_releasesBothAndEndsTheCall() {
        CallSnapshot call = connected();

        SwitchFixture.done(f.sw.release(call.id(), AGENT2));

        assertThat(f.recorder.releaseCauseOf(AGENT2)).isEqualTo(ReleaseCause.HANGUP);
        assertThat(f.recorder.releaseCauseOf(AGENT1)).isEqualTo(ReleaseCause.OTHER_PARTY_HUNG_UP);
        assertEnded(call);
    }

    @Test
    void hangup_whileRinging_byEitherSide_endsTheCall() {
        CallSnapshot byCallee = f.dial(AGENT1, AGENT2);
        SwitchFixture.done(f.sw.release(byCallee.id(), AGENT2));
        assertEnded(byCallee);

        CallSnapshot byCaller = f.dial(AGENT1, AGENT3);
        SwitchFixture.done(f.sw.release(byCaller.id(), AGENT1));
        assertEnded(byCaller);
        assertThat(f.recorder.statesOf(AGENT3)).containsExactly(RINGING, RELEASED);
    }

    @Test
    void releasedEvent_stillShowsWhomTheCallWasWith() {
        CallSnapshot call = connected();
        f.recorder.clear();

        SwitchFixture.done(f.sw.release(call.id(), AGENT1));

        CallEvent released = f.recorder.of(AGENT1).get(0);
        assertThat(released.call().partiesSeenBy(AGENT1)).extracting(PartySnapshot::number).containsExactly(AGENT2);
    }

    @Test
    void aDnCanHaveSeveralCalls_listedOldestFirst() {
        CallSnapshot first = f.dial(AGENT1, AGENT2);
        CallSnapshot second = f.dial(AGENT3, AGENT2);

        assertThat(f.sw.callsAt(AGENT2)).extracting(CallSnapshot::id).containsExactly(first.id(), second.id());
    }

    // ---- refusals: each one throws before anything changes ----

    @Test
    void answer_byTheCaller_isRefused() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        assertRefusedAndNothingChanged(call, Reason.NOT_ALLOWED_IN_STATE, () -> f.sw.answer(call.id(), AGENT1));
    }

    @Test
    void answer_anEstablishedCall_isRefused() {
        CallSnapshot call = connected();
        assertRefusedAndNothingChanged(call, Reason.NOT_ALLOWED_IN_STATE, () -> f.sw.answer(call.id(), AGENT2));
    }

    @Test
    void answer_byADnThatIsNotAParty_isRefused() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        assertRefusedAndNothingChanged(call, Reason.UNKNOWN_CALL, () -> f.sw.answer(call.id(), AGENT3));
    }

    @Test
    void requests_onAnEndedCall_areRefusedAsUnknown() {
        CallSnapshot call = connected();
        SwitchFixture.done(f.sw.release(call.id(), AGENT1));
        f.recorder.clear();

        assertRejected(Reason.UNKNOWN_CALL, f.sw.release(call.id(), AGENT1));
        assertRejected(Reason.UNKNOWN_CALL, f.sw.answer(call.id(), AGENT2));
        assertRejected(Reason.UNKNOWN_CALL, f.sw.sendDtmf(call.id(), AGENT2, "1"));
        assertThat(f.recorder.events).isEmpty();
    }

    @Test
    void requests_onAnUnknownCall_areRefused() {
        assertRejected(Reason.UNKNOWN_CALL, f.sw.release("NOPE", AGENT1));
        assertThat(f.recorder.events).isEmpty();
    }

    @Test
    void dial_fromAnUnknownDn_isRefused() {
        assertRejected(Reason.UNKNOWN_DN, f.sw.dial("19999", AGENT2, UserData.empty(), null));
        assertNoCalls();
    }

    @Test
    void dial_toItself_isRefused() {
        assertRejected(Reason.INVALID_DESTINATION, f.sw.dial(AGENT1, AGENT1, UserData.empty(), null));
        assertNoCalls();
    }

    @Test
    void dial_toSomethingThatIsNotANumber_isRefused() {
        for (String bad : new String[] {"", "abc", "555 0100", "+", "1".repeat(33), "++15"}) {
            assertRejected(Reason.INVALID_DESTINATION, f.sw.dial(AGENT1, bad, UserData.empty(), null));
        }
        assertRejected(Reason.INVALID_DESTINATION, f.sw.dial(AGENT1, null, UserData.empty(), null));
        assertNoCalls();
    }

    @Test
    void aListenerThatThrows_doesNotStopTheSwitchOrOtherListeners() {
        EventRecorder second = new EventRecorder();
        f.sw.addListener(event -> {
            throw new IllegalStateException("boom");
        });
        f.sw.addListener(second);

        CallSnapshot call = f.dial(AGENT1, AGENT2);
        SwitchFixture.done(f.sw.answer(call.id(), AGENT2));

        assertThat(second.events).hasSize(4);
        assertThat(f.call(call.id()).parties()).extracting(PartySnapshot::state).containsOnly(ESTABLISHED);
    }

    private CallSnapshot connected() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        SwitchFixture.done(f.sw.answer(call.id(), AGENT2));
        return call;
    }

    private void assertEnded(CallSnapshot call) {
        assertThat(f.sw.call(call.id())).isEmpty();
        assertThat(f.sw.callsAt(AGENT1)).extracting(CallSnapshot::id).doesNotContain(call.id());
        assertThat(f.sw.callsAt(AGENT2)).extracting(CallSnapshot::id).doesNotContain(call.id());
    }

    private void assertNoCalls() {
        assertThat(f.sw.callCount()).isZero();
        assertThat(f.recorder.events).isEmpty();
    }

    private void assertRefusedAndNothingChanged(CallSnapshot call, Reason reason, java.util.function.Supplier<CompletableFuture<?>> request) {
        CallSnapshot before = f.call(call.id());
        int events = f.recorder.events.size();

        assertRejected(reason, request.get());

        assertThat(f.call(call.id())).isEqualTo(before);
        assertThat(f.recorder.events).hasSize(events);
    }

    static void assertRejected(Reason reason, CompletableFuture<?> future) {
        ThrowingCallable join = future::join;
        assertThatThrownBy(join)
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(SwitchRejection.class)
                .satisfies(e -> assertThat(((SwitchRejection) e).reason()).isEqualTo(reason));
    }
}
