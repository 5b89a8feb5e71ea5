package com.dialtone.switching.embedded;

import com.dialtone.switching.Monitoring;
import com.dialtone.switching.MonitoringScope;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import java.util.HashMap;
import java.util.Map;

/**
 * Supervisors monitoring agents: who monitors whom, and when a supervisor joins or leaves a monitored
 * call. Confined to the switch loop.
 *
 * <p>A supervisor is in at most one monitored call at a time. It joins the call in which its agent is
 * established when monitoring starts, or else the next one in which the agent becomes established; it
 * is not called back into a call it has left.
 */
final class Supervision implements Rule {

    private final Map<String, Dn> dns;
    private final Map<String, Dn> supervisorOf = new HashMap<>();

    Supervision(Map<String, Dn> dns) {
        this.dns = dns;
    }

    /**
     * One supervisor per target, one monitoring per supervisor.
     *
     * @param current the call in which the target is established now, or null
     */
    void start(Dn supervisor, Dn target, Monitoring monitoring, Call current, Change change) {
        if (target == supervisor) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, supervisor.number() + " cannot monitor itself");
        }
        if (supervisor.monitoring() != null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                    supervisor.number() + " is already monitoring " + supervisor.monitoring().targetDn() + "; cancel that first");
        }
        Dn other = supervisorOf.get(target.number());
        if (other != null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, target.number() + " is already monitored by " + other.number());
        }
        supervisor.startMonitoring(monitoring);
        supervisorOf.put(monitoring.targetDn(), supervisor);
        change.dnChanged(supervisor);
        if (current != null && current.findActive(supervisor.number()) == null) {
            join(supervisor, current, change);
        }
    }

    void cancel(Dn supervisor, Change change) {
        if (supervisor.monitoring() == null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, supervisor.number() + " is not monitoring anyone");
        }
        stop(supervisor, change);
        Call call = supervisor.monitoredCall();
        Party party = call == null ? null : call.findActive(supervisor.number());
        if (party != null && party.isMonitoring()) {
            call.release(party, ReleaseCause.MONITORING_ENDED, change);
        }
    }

    /** The supervisor monitoring the DN, or null. */
    Dn supervisorOf(String target) {
        return supervisorOf.get(target);
    }

    /** The supervisor changed its mode in the call; its next calls are joined the same way. */
    void modeChanged(Dn supervisor, Party party, Change change) {
        Monitoring monitoring = supervisor.monitoring();
        if (monitoring != null && monitoring.targetDn().equals(party.monitoring().targetDn())) {
            supervisor.setMonitoring(party.monitoring());
            change.dnChanged(supervisor);
        }
    }

    @Override
    public void moved(Change.Move move, Change change) {
        if (move.next() == PartyState.ESTABLISHED) {
            established(move.call(), move.party(), change);
        } else if (move.next() == PartyState.RELEASED) {
            released(move.call(), move.party(), move.cause(), change);
        }
    }

    /** A party became established; if it is a monitored agent, its supervisor may join. */
    private void established(Call call, Party party, Change change) {
        if (!party.isInternal() || party.isMonitoring()) {
            return;
        }
        Dn supervisor = supervisorOf.get(party.number());
        if (supervisor == null || supervisor.monitoredCall() != null || call.id().equals(supervisor.lastMonitoredCallId())
                || call.findActive(supervisor.number()) != null) {
            return;
        }
        join(supervisor, call, change);
    }

    /**
     * A party left. A supervisor leaving ends its part in the call, and its monitoring if that was for
     * one call; an agent leaving takes along a supervisor who monitors the agent rather than the call.
     * One moving to the call its consultation merged into goes on there, so neither applies.
     */
    private void released(Call call, Party party, ReleaseCause cause, Change change) {
        if (cause == ReleaseCause.MERGED || !party.isInternal()) {
            return;
        }
        if (party.isMonitoring()) {
            left(call, party, change);
            return;
        }
        for (Party other : call.activeParties()) {
            if (other.isMonitoring() && other.monitoring().scope() == MonitoringScope.AGENT
                    && other.monitoring().targetDn().equals(party.number())) {
                call.release(other, ReleaseCause.MONITORING_ENDED, change);
            }
        }
    }

    /** A supervisor's party moved to the call a consultation merged into; it monitors that call now. */
    void moved(Call to, Party joined) {
        if (joined.isMonitoring()) {
            Dn supervisor = dns.get(joined.number());
            if (supervisor.monitoredCall() != null) {
                supervisor.monitorIn(to);
            }
        }
    }

    private void join(Dn supervisor, Call call, Change change) {
        call.joinMonitoring(supervisor.number(), supervisor.monitoring(), change);
        supervisor.monitorIn(call);
    }

    // The agent it took over from gets its voice back: nobody is left to give it back otherwise.
    private void left(Call call, Party party, Change change) {
        Party monitored = call.findActive(party.monitoring().targetDn());
        if (monitored != null && monitored.isMutedBySupervisor()) {
            monitored.setMutedBySupervisor(false);
            change.monitoredPartyMuteChanged(call, monitored);
        }
        Dn supervisor = dns.get(party.number());
        if (supervisor.monitoredCall() != call) {
            return;
        }
        supervisor.monitorIn(null);
        Monitoring monitoring = supervisor.monitoring();
        if (monitoring != null && monitoring.nextCallOnly()) {
            stop(supervisor, change);
        }
    }

    private void stop(Dn supervisor, Change change) {
        supervisorOf.remove(supervisor.monitoring().targetDn());
        supervisor.setMonitoring(null);
        change.dnChanged(supervisor);
    }
}
