package com.dialtone.switching.embedded;

import com.dialtone.switching.Numbers;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Leg;
import com.dialtone.switching.endpoint.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A party's connection to its device, as the switch keeps it: which {@link Endpoint} plays it, which call
 * and party it is now, and its timers. Made when the party joins a call; a party that a consultation moves
 * into another call takes it along ({@link #movedTo}). It ends when its party leaves for good, which
 * cancels its timers and makes later reports change nothing.
 *
 * <p>Reports may come from any thread: they only queue a unit of work ({@link SwitchWork#report}). The
 * rest is confined to the switch loop, except what {@link Leg} says any thread may read.
 */
final class SwitchLeg implements Leg {

    private final Endpoint endpoint;
    private final SwitchWork work;
    private final boolean startedByDevice;
    private volatile Call call;
    private Party party;
    private volatile Object attachment;
    private List<SwitchLoop.Timer> timers;
    private boolean placed;
    private boolean connected;
    private boolean ended;
    /** The change in which the endpoint was last told that the party's media changed; see {@link Devices}. */
    private Change actedIn;

    /**
     * @param startedByDevice true when the device made the call itself (a customer calling in), so it is
     *                        not asked to dial
     */
    SwitchLeg(Endpoint endpoint, SwitchWork work, Call call, Party party, boolean startedByDevice, Object attachment) {
        this.endpoint = endpoint;
        this.work = work;
        this.call = call;
        this.party = party;
        this.startedByDevice = startedByDevice;
        this.attachment = attachment;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    Call call() {
        return call;
    }

    Party party() {
        return party;
    }

    boolean isStartedByDevice() {
        return startedByDevice;
    }

    /** Whether the device has been rung or dialled already: a leg that moves calls is not placed again. */
    boolean isPlaced() {
        return placed;
    }

    void placed() {
        placed = true;
    }

    /** Whether the party has been connected on this leg before: {@link Endpoint#connect} is called once. */
    boolean wasConnected() {
        return connected;
    }

    void connected() {
        connected = true;
    }

    Change actedIn() {
        return actedIn;
    }

    void actedIn(Change change) {
        actedIn = change;
    }

    /** A consultation moved the party into another call, as a new party there. */
    void movedTo(Call call, Party party) {
        this.call = call;
        this.party = party;
    }

    /** The party left; unless it went on in another call with this leg, the leg ends. */
    void left(Party from) {
        if (from == party && !ended) {
            ended = true;
            if (timers != null) {
                timers.forEach(SwitchLoop.Timer::cancel);
                timers = null;
            }
        }
    }

    boolean hasEnded() {
        return ended;
    }

    /** Switch work that matters only while the leg lasts: an offer's timeout, a do-not-disturb busy. */
    void later(Duration delay, Consumer<Change> action) {
        keep(work.later(delay, change -> {
            if (!ended) {
                action.accept(change);
            }
        }));
    }

    private void keep(SwitchLoop.Timer timer) {
        if (timers == null) {
            timers = new ArrayList<>(2);
        }
        timers.add(timer);
    }

    // ---- Leg ----

    @Override
    public String number() {
        return party.number();
    }

    @Override
    public boolean isInternal() {
        return party.isInternal();
    }

    @Override
    public String callId() {
        return call.id();
    }

    @Override
    public String ani() {
        return call.ani();
    }

    @Override
    public String dnis() {
        return call.dnis();
    }

    @Override
    public List<Leg> peers() {
        List<Leg> peers = new ArrayList<>(2);
        for (Party other : call.activeParties()) {
            if (other != party) {
                peers.add(other.leg());
            }
        }
        return peers;
    }

    @Override
    public boolean isConnected() {
        return !ended && party.state() == PartyState.ESTABLISHED;
    }

    @Override
    public void attach(Object state) {
        attachment = state;
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public Progress after(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("a delay must not be negative, was " + delay);
        }
        return new Later(delay);
    }

    @Override
    public void answered() {
        work.report(this, DeviceReports.Report.ANSWERED, null);
    }

    @Override
    public void busy() {
        work.report(this, DeviceReports.Report.BUSY, null);
    }

    @Override
    public void noAnswer() {
        work.report(this, DeviceReports.Report.NO_ANSWER, null);
    }

    @Override
    public void declined() {
        work.report(this, DeviceReports.Report.DECLINED, null);
    }

    @Override
    public void hungUp() {
        work.report(this, DeviceReports.Report.HUNG_UP, null);
    }

    @Override
    public void held() {
        work.report(this, DeviceReports.Report.HELD, null);
    }

    @Override
    public void retrieved() {
        work.report(this, DeviceReports.Report.RETRIEVED, null);
    }

    @Override
    public void dtmf(String digits) {
        work.report(this, DeviceReports.Report.DTMF, checkDigits(digits));
    }

    private static String checkDigits(String digits) {
        if (!Numbers.isDtmf(digits)) {
            throw new IllegalArgumentException("DTMF digits must be " + Numbers.DTMF_SHAPE + ", was '" + digits + "'");
        }
        return digits;
    }

    @Override
    public String toString() {
        return "leg " + party.number() + " in call " + call.id();
    }

    /** The same reports, made once the delay has passed. */
    private final class Later implements Progress {

        private final Duration delay;

        Later(Duration delay) {
            this.delay = delay;
        }

        private void report(DeviceReports.Report report, String digits) {
            if (!ended) {
                keep(work.reportLater(delay, SwitchLeg.this, report, digits));
            }
        }

        @Override
        public void answered() {
            report(DeviceReports.Report.ANSWERED, null);
        }

        @Override
        public void busy() {
            report(DeviceReports.Report.BUSY, null);
        }

        @Override
        public void noAnswer() {
            report(DeviceReports.Report.NO_ANSWER, null);
        }

        @Override
        public void declined() {
            report(DeviceReports.Report.DECLINED, null);
        }

        @Override
        public void hungUp() {
            report(DeviceReports.Report.HUNG_UP, null);
        }

        @Override
        public void held() {
            report(DeviceReports.Report.HELD, null);
        }

        @Override
        public void retrieved() {
            report(DeviceReports.Report.RETRIEVED, null);
        }

        @Override
        public void dtmf(String digits) {
            report(DeviceReports.Report.DTMF, checkDigits(digits));
        }
    }
}
