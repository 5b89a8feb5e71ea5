package com.dialtone.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dialtone.sip.harness.Baresip;
import com.dialtone.sip.harness.Tones;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIP layer against real phones (baresip): registration with digest, a third-party call control call between
 * two phones with the tones each recorded read back, hold and retrieve, and SIP that must change nothing.
 */
class SipServiceTest {

    private static final String REALM = "dialtone.test";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private SipService sip;
    private int port;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final java.util.List<Baresip> phones = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        port = Baresip.freePortPair();
        SipSettings settings = new SipSettings("127.0.0.1", port, REALM,
                Map.of("15001", Digest.ha1("15001", REALM, "secret1"), "15002", Digest.ha1("15002", REALM, "secret2")),
                List.of(), new SipSettings.Registration(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMinutes(5)),
                new SipSettings.KeepAlive(Duration.ofSeconds(2), Duration.ofSeconds(2)), Duration.ofSeconds(20), Duration.ofSeconds(8));
        sip = SipService.start(settings, new SipEvents() {
            @Override public void registration(String dn, boolean registered) { events.add((registered ? "registered " : "unregistered ") + dn); }
            @Override public void answered(SipLeg leg) { events.add("answered " + leg.number()); }
            @Override public void failed(SipLeg leg, Failure failure) { events.add("failed " + leg.number() + " " + failure); }
            @Override public void hungUp(SipLeg leg) { events.add("hung up " + leg.number()); }
            @Override public void holdChanged(SipLeg leg, boolean held) { events.add((held ? "held " : "retrieved ") + leg.number()); }
        }, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        for (Baresip phone : phones) {
            phone.close();
        }
        sip.close();
    }

    private Baresip phone(String dn, String password, double hz) throws Exception {
        Baresip phone = Baresip.start(dir.resolve(dn + "-" + phones.size()), "<sip:" + dn + "@127.0.0.1:" + port
                + ";transport=udp>;auth_pass=" + password + ";regint=60;answermode=auto", hz);
        phones.add(phone);
        return phone;
    }

    /** Waits for the event; events before it that the test did not ask for are kept for later expectations. */
    private void expect(String event) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (events.remove(event)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + event + "' within " + WAIT + "; there were: " + events);
    }

    @Test
    void aPhoneRegistersWithItsPasswordAndNotWithAWrongOne() throws Exception {
        Baresip wrong = phone("15002", "not-the-password", 440);
        wrong.awaitLog("403 Forbidden", WAIT); // registering happens before its control connection is up: its log tells
        assertThat(sip.isRegistered("15002")).isFalse();

        Baresip phone = phone("15001", "secret1", 440);
        expect("registered 15001");
        assertThat(sip.isRegistered("15001")).isTrue();
        assertThat(sip.registration("15001").orElseThrow().contact()).contains("127.0.0.1");

        phone.close(); // baresip unregisters (Expires: 0) as it stops
        phones.remove(phone);
        expect("unregistered 15001");
        assertThat(sip.isRegistered("15001")).isFalse();
        assertThatThrownBy(() -> sip.callPhone("15001", "15002", true, null))
                .isInstanceOf(SipService.NotRegistered.class).hasMessage("Device '15001' is not registered.");
    }

    @Test
    void aThirdPartyCallConnectsTwoPhonesThatHearEachOtherExceptOnHold() throws Exception {
        Baresip agent = phone("15001", "secret1", 440);
        Baresip customer = phone("15002", "secret2", 1000);
        expect("registered 15001");
        expect("registered 15002");

        // The re-INVITE flow: the agent's phone first (no offer, auto-answer), then the far end with its media,
        // then the agent is re-INVITEd with the far end's.
        SipLeg a = sip.callPhone("15001", "15002", true, null);
        expect("answered 15001");
        SipLeg b = sip.callPhone("15002", "15001", false, a);
        expect("answered 15002");
        sip.bridge(a, b);
        agent.await("CALL_ESTABLISHED", WAIT);
        customer.await("CALL_ESTABLISHED", WAIT);

        Thread.sleep(1500);
        int agentMark = agent.heardSoFar();
        int customerMark = customer.heardSoFar();
        Thread.sleep(2000);
        Tones.Heard agentHeard = heardSince(agent, agentMark);
        Tones.Heard customerHeard = heardSince(customer, customerMark);
        System.out.println("connected: agent hears " + agentHeard + ", customer hears " + customerHeard);
        if (!agentHeard.isTone(1000)) {
            System.out.println(java.nio.file.Files.readString(agent.folder().resolve("baresip.log"), StandardCharsets.ISO_8859_1).replaceAll("\\[0:[^\\n]*?bit/s\\) +", ""));
            try (var files = java.nio.file.Files.list(agent.folder().resolve("heard"))) { files.forEach(f -> System.out.println(f + " " + f.toFile().length())); }
        }
        assertThat(agentHeard.isTone(1000)).as("the agent hears the customer's 1000 Hz: %s", agentHeard).isTrue();
        assertThat(customerHeard.isTone(440)).as("the customer hears the agent's 440 Hz: %s", customerHeard).isTrue();

        sip.hold(a, true);
        Thread.sleep(1500);
        agentMark = agent.heardSoFar();
        customerMark = customer.heardSoFar();
        Thread.sleep(2000);
        agentHeard = heardSince(agent, agentMark);
        customerHeard = heardSince(customer, customerMark);
        System.out.println("on hold: agent hears " + agentHeard + ", customer hears " + customerHeard);
        assertThat(agentHeard.hz()).as("on hold the agent hears nothing: %s", agentHeard).isZero();
        assertThat(customerHeard.hz()).as("on hold the customer hears nothing: %s", customerHeard).isZero();

        sip.hold(a, false);
        Thread.sleep(1500);
        agentMark = agent.heardSoFar();
        customerMark = customer.heardSoFar();
        Thread.sleep(2000);
        agentHeard = heardSince(agent, agentMark);
        customerHeard = heardSince(customer, customerMark);
        System.out.println("retrieved: agent hears " + agentHeard + ", customer hears " + customerHeard);
        assertThat(agentHeard.isTone(1000)).as("retrieved, the agent hears the customer again: %s", agentHeard).isTrue();
        assertThat(customerHeard.isTone(440)).as("retrieved, the customer hears the agent again: %s", customerHeard).isTrue();
        System.out.println("agent heard, per second: " + Tones.perSecond(agent.heardAll()));
        System.out.println("customer heard, per second: " + Tones.perSecond(customer.heardAll()));

        customer.command("hangup", null); // the customer hangs up on the handset: a BYE
        expect("hung up 15002");
        sip.hangUp(a);
        agent.await("CALL_CLOSED", WAIT);
    }

    @Test
    void aPhoneThatVanishesEndsItsCallOnTheKeepAliveTimer() throws Exception {
        Baresip agent = phone("15001", "secret1", 440);
        Baresip customer = phone("15002", "secret2", 1000);
        expect("registered 15001");
        expect("registered 15002");
        SipLeg a = sip.callPhone("15001", "15002", true, null);
        expect("answered 15001");
        SipLeg b = sip.callPhone("15002", "15001", false, a);
        expect("answered 15002");
        sip.bridge(a, b);

        ProcessHandle.of(pidOf(customer)).ifPresent(ProcessHandle::destroyForcibly); // no BYE, no unregister
        expect("hung up 15002"); // keep-alive every 2 s, 2 s to answer
        assertThat(b.state()).isEqualTo(SipLeg.State.ENDED);
        sip.hangUp(a);
        agent.await("CALL_CLOSED", WAIT);
    }

    @Test
    void sipForAnUnknownDialogOrDnGetsItsErrorAndChangesNothing() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(5000);
            int me = socket.getLocalPort();
            String bye = "BYE sip:dialtone@127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + me + ";branch=z9hG4bK-unknown-1\r\n"
                    + "From: <sip:15009@127.0.0.1>;tag=aaa\r\nTo: <sip:dialtone@127.0.0.1>;tag=bbb\r\n"
                    + "Call-ID: no-such-call@127.0.0.1\r\nCSeq: 2 BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            assertThat(exchange(socket, bye)).startsWith("SIP/2.0 481");

            String register = "REGISTER sip:127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + me + ";branch=z9hG4bK-unknown-2\r\n"
                    + "From: <sip:99999@127.0.0.1>;tag=ccc\r\nTo: <sip:99999@127.0.0.1>\r\n"
                    + "Call-ID: reg-unknown@127.0.0.1\r\nCSeq: 1 REGISTER\r\nMax-Forwards: 70\r\n"
                    + "Contact: <sip:99999@127.0.0.1:" + me + ">\r\nContent-Length: 0\r\n\r\n";
            assertThat(exchange(socket, register)).startsWith("SIP/2.0 404");

            String forged = register.replace("99999", "15001").replace("reg-unknown", "reg-forged").replace("unknown-2", "forged-3")
                    .replace("Contact:", "Authorization: Digest username=\"15001\", realm=\"" + REALM
                            + "\", nonce=\"forged\", uri=\"sip:127.0.0.1\", response=\"00000000000000000000000000000000\"\r\nContact:");
            assertThat(exchange(socket, forged)).startsWith("SIP/2.0 401"); // a nonce it did not give: challenged again
        }
        assertThat(sip.isRegistered("15001")).isFalse();
        assertThat(events).isEmpty();
    }

    private String exchange(DatagramSocket socket, String message) throws Exception {
        byte[] out = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(out, out.length, InetAddress.getByName("127.0.0.1"), port));
        byte[] in = new byte[4096];
        DatagramPacket reply = new DatagramPacket(in, in.length);
        socket.receive(reply);
        return new String(in, 0, reply.getLength(), StandardCharsets.UTF_8);
    }

    private long pidOf(Baresip phone) {
        return phone.pid();
    }

    private static Tones.Heard heardSince(Baresip phone, int mark) throws Exception {
        short[] samples = phone.heardAll();
        return Tones.analyse(samples, mark, samples.length);
    }
}
