package com.dialtone.switching.embedded;

import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT3;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DTMF and user data: requests that change no party's state. */
class CallRequestsTest {

    private final SwitchFixture f = new SwitchFixture();

    @Test
    void sendDtmf_whileDialingOrEstablished_isSentAndOnlyTheSenderIsTold() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        done(f.sw.sendDtmf(call.id(), AGENT1, "12*#"));
        done(f.sw.answer(call.id(), AGENT2));
        done(f.sw.sendDtmf(call.id(), AGENT2, "9"));

        assertThat(f.recorder.events).filteredOn(CallEvent.DtmfSent.class::isInstance)
                .extracting(CallEvent::dn, e -> ((CallEvent.DtmfSent) e).digits())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AGENT1, "12*#"), org.assertj.core.groups.Tuple.tuple(AGENT2, "9"));
    }

    @Test
    void sendDtmf_whileRinging_isRefused() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        f.recorder.clear();

        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.sendDtmf(call.id(), AGENT2, "1"));
        assertThat(f.recorder.events).isEmpty();
    }

    @Test
    void sendDtmf_withCharactersThatAreNotDtmf_isRefused() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        f.recorder.clear();

        for (String bad : new String[] {"", "12a", " 1", "1".repeat(65)}) {
            assertRejected(Reason.INVALID_ARGUMENT, f.sw.sendDtmf(call.id(), AGENT1, bad));
        }
        assertRejected(Reason.INVALID_ARGUMENT, f.sw.sendDtmf(call.id(), AGENT1, null));
        assertThat(f.recorder.events).isEmpty();
    }

    @Test
    void userData_changes_reachEveryInternalPartyStillInTheCall() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        f.recorder.clear();

        done(f.sw.attachUserData(call.id(), AGENT2, UserData.of(Map.of("a", "1"))));

        assertThat(f.recorder.events).hasSize(2).allSatisfy(event -> {
            assertThat(event).isInstanceOf(CallEvent.UserDataChanged.class);
            assertThat(event.call().userData().asMap()).containsExactly(Map.entry("a", "1"));
        });
        assertThat(f.recorder.events).extracting(CallEvent::dn).containsExactlyInAnyOrder(AGENT1, AGENT2);
    }

    @Test
    void attachAndUpdate_addPairsAndReplaceExistingKeys() {
        CallSnapshot call = done(f.sw.dial(AGENT1, AGENT2, UserData.of(Map.of("a", "1")), null));

        done(f.sw.attachUserData(call.id(), AGENT1, UserData.of(Map.of("b", 2))));
        done(f.sw.updateUserData(call.id(), AGENT1, UserData.of(Map.of("a", "changed"))));

        assertThat(f.call(call.id()).userData().asMap())
                .containsExactly(Map.entry("a", "changed"), Map.entry("b", 2L));
    }

    @Test
    void deleteUserDataPair_removesOneKey_andDeleteUserDataRemovesAll() {
        CallSnapshot call = done(f.sw.dial(AGENT1, AGENT2, UserData.of(Map.of("a", "1", "b", "2")), null));

        done(f.sw.deleteUserDataPair(call.id(), AGENT2, "a"));
        assertThat(f.call(call.id()).userData().asMap()).containsOnlyKeys("b");

        done(f.sw.deleteUserData(call.id(), AGENT2));
        assertThat(f.call(call.id()).userData().isEmpty()).isTrue();
    }

    @Test
    void deleteUserDataPair_ofAKeyThatIsNotThere_isRefusedAndChangesNothing() {
        CallSnapshot call = done(f.sw.dial(AGENT1, AGENT2, UserData.of(Map.of("a", "1")), null));
        f.recorder.clear();

        assertRejected(Reason.INVALID_ARGUMENT, f.sw.deleteUserDataPair(call.id(), AGENT1, "missing"));

        assertThat(f.call(call.id()).userData().asMap()).containsOnlyKeys("a");
        assertThat(f.recorder.events).isEmpty();
    }

    @Test
    void userData_byADnThatIsNotAParty_isRefused() {
        CallSnapshot call = f.dial(AGENT1, AGENT2);
        f.recorder.clear();

        assertRejected(Reason.UNKNOWN_CALL, f.sw.updateUserData(call.id(), AGENT3, UserData.of(Map.of("a", "1"))));
        assertThat(f.call(call.id()).userData().isEmpty()).isTrue();
        assertThat(f.recorder.events).isEmpty();
    }
}
