package com.dialtone.sip;

import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.UserData;
import com.dialtone.switching.endpoint.DeviceCalls;
import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Leg;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import javax.sip.SipException;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP phones of the DNs configured as SIP, and the trunks of the external numbers they take, as one
 * {@link Endpoint} of the switch. It carries out the switch's actions through {@link SipService} (which never
 * blocks the caller) and reports what the phones and trunks do on their {@link Leg}s; each switch leg keeps its
 * {@link SipLeg} as its attachment, so a party that moves to another call (a consultation completed) keeps its
 * dialog.
 *
 * <p>Media: a connected party is given the media of the one other connected SIP party of its call (direct RTP
 * between the two ends); with none (the other party on hold, or not yet there) its media goes to the hold sink.
 * Two SIP parties talk only when both are connected, as in the call model.
 */
public final class SipEndpoint implements Endpoint, SipEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipEndpoint.class);

    private final SipService sip;
    /** The switch's leg for each live SIP leg; a future while a call a device started is still being made. */
    private final Map<SipLeg, CompletableFuture<Leg>> legs = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, Boolean>> registrationListeners = new CopyOnWriteArrayList<>();
    private volatile DeviceCalls deviceCalls;

    private SipEndpoint(SipSettings settings, Clock clock) throws SipException {
        this.sip = SipService.start(settings, this, clock);
    }

    /** Starts listening; calls from phones and trunks are refused (503) until {@link #takeCallsWith} is given. */
    public static SipEndpoint start(SipSettings settings, Clock clock) throws SipException {
        return new SipEndpoint(settings, clock);
    }

    /** Where calls that phones and trunks start go: the switch ({@code EmbeddedSwitch} implements it). */
    public void takeCallsWith(DeviceCalls calls) {
        this.deviceCalls = calls;
    }

    /** Told on the SIP thread when a DN's phone registers (true) or stops being registered (false); must not block. */
    public void onRegistration(BiConsumer<String, Boolean> listener) {
        registrationListeners.add(listener);
    }

    public SipSettings settings() {
        return sip.settings();
    }

    /** Any thread. */
    public boolean isRegistered(String dn) {
        return sip.isRegistered(dn);
    }

    /** True when the number is a DN configured as SIP. */
    public boolean playsDn(String dn) {
        return sip.settings().isPhone(dn);
    }

    /** True when a trunk takes the external number. */
    public boolean playsExternal(String number) {
        return sip.settings().trunkFor(number) != null;
    }

    /** Whether the SIP listener is running (for readiness). */
    public boolean isRunning() {
        return sip.isRunning();
    }

    // ---- the switch's actions ----

    @Override
    public void requireReady(String number) {
        if (!sip.isRegistered(number)) {
            throw new SwitchRejection(SwitchRejection.Reason.DEVICE_UNAVAILABLE, "Device '" + number + "' is not registered.");
        }
    }

    /** The agent's phone first, with auto-answer and no offer; the destination is invited once it answered. */
    @Override
    public void dial(Leg leg) {
        try {
            SipLeg phone = sip.callPhone(leg.number(), leg.dnis(), true, null);
            track(leg, phone);
        } catch (SipService.NotRegistered e) {
            leg.busy(); // requireReady let it through, the registration lapsed since
        }
    }

    @Override
    public void ring(Leg leg) {
        SipLeg caller = sipPeer(leg);
        String callerNumber = leg.ani();
        if (leg.isInternal()) {
            try {
                track(leg, sip.callPhone(leg.number(), callerNumber, false, caller));
            } catch (SipService.NotRegistered e) {
                leg.busy(); // a phone that cannot be reached is busy (Endpoint.ring)
            }
        } else {
            SipSettings.Trunk trunk = sip.settings().trunkFor(leg.number());
            if (trunk == null) {
                leg.busy();
                return;
            }
            track(leg, sip.callTrunk(trunk, leg.number(), callerNumber, caller));
        }
    }

    /**
     * The phones here answer by hand (or by their own auto-answer setting): Dialtone cannot make them pick up yet
     * (NOTIFY Event: talk is not sent), so the request is refused and changes nothing.
     */
    @Override
    public boolean answer(Leg leg) {
        throw new SwitchRejection(SwitchRejection.Reason.NOT_ALLOWED_IN_STATE,
                "Device '" + leg.number() + "' answers on the phone itself.");
    }

    @Override
    public void connect(Leg leg) {
        SipLeg mine = mine(leg);
        if (mine == null) {
            return;
        }
        SipLeg peer = connectedSipPeer(leg);
        if (!mine.isOutgoing()) {
            // A call the phone or trunk made: the party it called answered; bridge first so the 200 carries the peer's media.
            if (peer != null) {
                sip.bridge(mine, peer);
            }
            sip.answer(mine);
            return;
        }
        refresh(leg, mine, peer);
    }

    @Override
    public void update(Leg leg) {
        SipLeg mine = mine(leg);
        if (mine != null) {
            refresh(leg, mine, connectedSipPeer(leg));
        }
    }

    @Override
    public void hold(Leg leg) {
        SipLeg mine = mine(leg);
        if (mine != null) {
            sip.isolate(mine);
        }
    }

    @Override
    public void retrieve(Leg leg) {
        update(leg);
    }

    @Override
    public void playDtmf(Leg leg, String digits) {
        SipLeg mine = mine(leg);
        if (mine != null) {
            sip.sendDtmf(mine, digits);
        }
    }

    @Override
    public void release(Leg leg, ReleaseCause cause) {
        SipLeg mine = mine(leg);
        if (mine == null) {
            return;
        }
        legs.remove(mine);
        sip.hangUp(mine, switch (cause) {
            case REJECTED -> Response.DECLINE;
            case NO_ANSWER -> Response.TEMPORARILY_UNAVAILABLE;
            default -> Response.BUSY_HERE;
        });
    }

    /** Gives the leg's end its one connected SIP peer's media, or the hold sink when there is none. */
    private void refresh(Leg leg, SipLeg mine, SipLeg peer) {
        if (leg.isConnected() && peer != null) {
            sip.bridge(mine, peer);
        } else if (!leg.isConnected() || leg.peers().stream().noneMatch(Leg::isConnected)) {
            sip.isolate(mine);
        }
    }

    // ---- what the phones and trunks did ----

    @Override
    public void registration(String dn, boolean registered) {
        for (BiConsumer<String, Boolean> listener : registrationListeners) {
            try {
                listener.accept(dn, registered);
            } catch (RuntimeException e) {
                LOG.warn("a registration listener failed for {}", dn, e);
            }
        }
    }

    @Override
    public void incoming(SipLeg leg, String from, String to) {
        DeviceCalls calls = deviceCalls;
        if (calls == null) {
            sip.hangUp(leg, Response.SERVICE_UNAVAILABLE);
            return;
        }
        CompletableFuture<Leg> made = leg.kind() == SipLeg.Kind.TRUNK
                ? calls.fromOutside(this, from, to, UserData.empty(), leg)
                : calls.fromDn(from, to, leg);
        legs.put(leg, made);
        made.whenComplete((switchLeg, refused) -> {
            if (refused != null) {
                legs.remove(leg);
                LOG.info("SIP call from {} to {} refused: {}", from, to, refused.getMessage());
                sip.hangUp(leg, refused.getCause() instanceof SwitchRejection r
                        && r.reason() == SwitchRejection.Reason.INVALID_DESTINATION ? Response.NOT_FOUND : Response.BUSY_HERE);
            }
        });
    }

    @Override
    public void answered(SipLeg leg) {
        report(leg, false, Leg::answered);
    }

    @Override
    public void failed(SipLeg leg, Failure failure) {
        report(leg, true, switch (failure) {
            case BUSY, NOT_FOUND, UNREACHABLE -> Leg::busy;
            case NO_ANSWER -> Leg::noAnswer;
            case REJECTED -> Leg::declined;
        });
    }

    @Override
    public void hungUp(SipLeg leg) {
        report(leg, true, Leg::hungUp);
    }

    @Override
    public void holdChanged(SipLeg leg, boolean held) {
        report(leg, false, held ? Leg::held : Leg::retrieved);
    }

    @Override
    public void dtmf(SipLeg leg, char digit) {
        report(leg, false, l -> l.dtmf(String.valueOf(digit)));
    }

    private void report(SipLeg sipLeg, boolean ended, java.util.function.Consumer<Leg> report) {
        CompletableFuture<Leg> leg = ended ? legs.remove(sipLeg) : legs.get(sipLeg);
        if (leg != null) {
            leg.thenAccept(report);
        }
    }

    @Override
    public void close() {
        sip.close();
    }

    // ---- helpers ----

    private void track(Leg leg, SipLeg sipLeg) {
        leg.attach(sipLeg);
        legs.put(sipLeg, CompletableFuture.completedFuture(leg));
    }

    private static SipLeg mine(Leg leg) {
        return leg.attachment() instanceof SipLeg sipLeg ? sipLeg : null;
    }

    /** The SIP leg of the party that is calling this one (for its media), or null. */
    private static SipLeg sipPeer(Leg leg) {
        for (Leg peer : leg.peers()) {
            if (peer.attachment() instanceof SipLeg sipLeg && sipLeg.state() != SipLeg.State.ENDED) {
                return sipLeg;
            }
        }
        return null;
    }

    /** The SIP leg of the one other connected party, when there is exactly one and it is SIP; else null. */
    private static SipLeg connectedSipPeer(Leg leg) {
        List<Leg> connected = leg.peers().stream().filter(Leg::isConnected).toList();
        if (connected.size() == 1 && connected.get(0).attachment() instanceof SipLeg sipLeg) {
            return sipLeg;
        }
        return null;
    }
}
