package com.dialtone.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.dialtone.sip.harness.Baresip;
import com.dialtone.sip.harness.Tones;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.UserData;
import com.dialtone.switching.embedded.DialPlan;
import com.dialtone.switching.embedded.EmbeddedSwitch;
import com.dialtone.switching.embedded.FarEndBehaviour;
import com.dialtone.switching.embedded.RoutingPlan;
import com.dialtone.switching.embedded.SimulatedEndpoints;
import com.dialtone.switching.embedded.ThreadSwitchLoop;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch with SIP phones behind its endpoint seam: 15001 and 15002 are baresip phones, 15003 is simulated.
 * The switch's requests reach the phones (the caller's phone first, then the callee's) and what the phones do
 * comes back as the call model's states; the tones each phone recorded prove who hears whom.
 */
class SipEndpointTest {

    private static final String REALM = "dialtone.test";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private SipEndpoint sip;
    private EmbeddedSwitch sw;
    private int port;
    private final List<Baresip> phones = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        port = Baresip.freePortPair();
        SipSettings settings = new SipSettings("127.0.0.1", port, REALM,
                Map.of("15001", Digest.ha1("15001", REALM, "secret1"), "15002", Digest.ha1("15002", REALM, "secret2")),
                List.of(), new SipSettings.Registration(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMinutes(5)),
                new SipSettings.KeepAlive(Duration.ofSeconds(5), Duration.ofSeconds(5)), Duration.ofSeconds(20), Duration.ofSeconds(8));
        sip = SipEndpoint.start(settings, Clock.systemUTC());
        DialPlan plan = new DialPlan(FarEndBehaviour.answerAfter(Duration.ofSeconds(1)), Map.of(), Duration.ofSeconds(30));
        sw = new EmbeddedSwitch(Set.of("15001", "15002", "15003"), RoutingPlan.none(),
                new SipEndpoints(sip, new SimulatedEndpoints(plan)), new ThreadSwitchLoop());
        sip.takeCallsWith(sw);
    }

    @AfterEach
    void stop() throws Exception {
        for (Baresip phone : phones) {
            phone.close();
        }
        sip.close();
    }

    private Baresip phone(String dn, String password, double hz) throws Exception {
        Baresip phone = Baresip.start(dir.resolve(dn), "<sip:" + dn + "@127.0.0.1:" + port
                + ";transport=udp>;auth_pass=" + password + ";regint=60;answermode=auto", hz);
        phones.add(phone);
        await().atMost(WAIT).until(() -> sip.isRegistered(dn));
        return phone;
    }

    private Optional<PartyState> state(String dn) {
        List<CallSnapshot> calls = sw.callsAt(dn);
        return calls.isEmpty() ? Optional.empty() : calls.get(0).party(dn).map(p -> p.state());
    }

    @Test
    void aDialRingsTheCallersPhoneThenTheCalleesAndTheyHearEachOtherExceptOnHold() throws Exception {
        Baresip agent = phone("15001", "secret1", 440);
        Baresip other = phone("15002", "secret2", 1000);

        CallSnapshot call = sw.dial("15001", "15002", UserData.empty(), null).join();
        await().atMost(WAIT).until(() -> state("15001").equals(Optional.of(PartyState.ESTABLISHED))
                && state("15002").equals(Optional.of(PartyState.ESTABLISHED)));
        agent.await("CALL_ESTABLISHED", WAIT);
        other.await("CALL_ESTABLISHED", WAIT);
        assertHear(agent, 1000, other, 440, "connected");

        sw.hold(call.id(), "15001").join();
        assertThat(state("15001")).contains(PartyState.HELD);
        assertHear(agent, 0, other, 0, "on hold");

        sw.retrieve(call.id(), "15001").join();
        assertHear(agent, 1000, other, 440, "retrieved");

        other.command("hangup", null); // the callee hangs up on the handset: a BYE ends the call in the switch
        await().atMost(WAIT).until(() -> sw.callsAt("15001").isEmpty() && sw.callsAt("15002").isEmpty());
        agent.await("CALL_CLOSED", WAIT);
    }

    @Test
    void aPhoneThatDialsMakesACallLikeAnyOtherAndARequestToAnUnregisteredPhoneIsRefused() throws Exception {
        assertThatThrownBy(() -> sw.dial("15001", "15002", UserData.empty(), null).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(SwitchRejection.class)
                .hasMessage("Device '15001' is not registered.");
        assertThat(((SwitchRejection) catchRejection()).reason()).isEqualTo(SwitchRejection.Reason.DEVICE_UNAVAILABLE);

        Baresip agent = phone("15001", "secret1", 440);
        Baresip other = phone("15002", "secret2", 1000);
        agent.command("dial", "sip:15002@127.0.0.1:" + port);
        await().atMost(WAIT).until(() -> state("15001").equals(Optional.of(PartyState.ESTABLISHED))
                && state("15002").equals(Optional.of(PartyState.ESTABLISHED)));
        other.await("CALL_ESTABLISHED", WAIT);
        assertHear(agent, 1000, other, 440, "a call the phone made");

        CallSnapshot call = sw.callsAt("15001").get(0);
        sw.release(call.id(), "15001").join(); // the API hangs up: a BYE to each phone
        agent.await("CALL_CLOSED", WAIT);
        other.await("CALL_CLOSED", WAIT);
        assertThat(sw.callsAt("15002")).isEmpty();
    }

    @Test
    void aSipPhoneAndASimulatedDnTalkInOneContactCentre() throws Exception {
        Baresip agent = phone("15001", "secret1", 440);
        CallSnapshot call = sw.dial("15003", "15001", UserData.empty(), null).join();
        await().atMost(WAIT).until(() -> state("15001").equals(Optional.of(PartyState.ESTABLISHED)));
        assertThat(state("15003")).contains(PartyState.ESTABLISHED);
        agent.await("CALL_ESTABLISHED", WAIT);
        agent.command("hangup", null);
        await().atMost(WAIT).until(() -> sw.callsAt("15003").isEmpty()); // the phone's BYE ended the call
        assertThat(sw.callsAt("15001")).isEmpty();
        assertThat(call.id()).isNotBlank();
    }

    private Throwable catchRejection() {
        try {
            sw.dial("15001", "15002", UserData.empty(), null).join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    /** What each phone heard over two seconds, after a moment for re-INVITEs to settle: 0 is silence. */
    static void assertHear(Baresip a, double aHears, Baresip b, double bHears, String when) throws Exception {
        Thread.sleep(1500);
        int aMark = a.heardSoFar();
        int bMark = b.heardSoFar();
        Thread.sleep(2000);
        Tones.Heard aHeard = heardSince(a, aMark);
        Tones.Heard bHeard = heardSince(b, bMark);
        System.out.println(when + ": " + a.folder().getFileName() + " hears " + aHeard + ", " + b.folder().getFileName() + " hears " + bHeard);
        if (aHears == 0) {
            assertThat(aHeard.hz()).as("%s: %s hears nothing: %s", when, a.folder().getFileName(), aHeard).isZero();
        } else {
            assertThat(aHeard.isTone(aHears)).as("%s: %s hears %s Hz: %s", when, a.folder().getFileName(), aHears, aHeard).isTrue();
        }
        if (bHears == 0) {
            assertThat(bHeard.hz()).as("%s: %s hears nothing: %s", when, b.folder().getFileName(), bHeard).isZero();
        } else {
            assertThat(bHeard.isTone(bHears)).as("%s: %s hears %s Hz: %s", when, b.folder().getFileName(), bHears, bHeard).isTrue();
        }
    }

    static Tones.Heard heardSince(Baresip phone, int mark) throws Exception {
        short[] samples = phone.heardAll();
        return Tones.analyse(samples, mark, samples.length);
    }
}
