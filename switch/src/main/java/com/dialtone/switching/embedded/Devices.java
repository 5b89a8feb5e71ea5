package com.dialtone.switching.embedded;

import com.dialtone.switching.PartyState;
import com.dialtone.switching.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbound half of the endpoint seam: the one place where the switch tells devices what the call
 * logic decided. It is the last {@link Rule}, so it sees every party move of a change, the rules' own
 * included, once the call model has made it, and turns each into its {@link Endpoint} action on the
 * party's leg: a party that joins is rung (or its device dials), one that is connected for the first time
 * is connected, a held one is held, a released one is released. A move the device reported itself is not
 * echoed back to it. When the change is done, the parties still connected in a call whose connections
 * changed are updated, and digits a client sent are played to the others. Confined to the switch loop.
 */
final class Devices implements Rule {

    /** The calls in which who talks with whom changed in the current change; reused, as the loop is one thread. */
    private final List<Call> rebridged = new ArrayList<>();

    @Override
    public void moved(Change.Move move, Change change) {
        Party party = move.party();
        if (party.isInternal() && !party.isHeard()) {
            return; // a DN with do-not-disturb on: its phone never rings
        }
        SwitchLeg leg = party.leg();
        Endpoint endpoint = leg.endpoint();
        PartyState previous = move.previous();
        switch (move.next()) {
            case DIALING, RINGING -> {
                if (previous == null && !leg.isPlaced()) {
                    leg.placed();
                    if (move.next() == PartyState.RINGING) {
                        endpoint.ring(leg);
                    } else if (!leg.isStartedByDevice()) {
                        endpoint.dial(leg);
                    }
                }
            }
            case ESTABLISHED -> {
                if (!leg.wasConnected()) {
                    leg.connected();
                    leg.actedIn(change);
                    endpoint.connect(leg);
                } else if (previous == PartyState.HELD) {
                    leg.actedIn(change); // a device that took itself off hold knows its media already
                    if (!move.reported()) {
                        endpoint.retrieve(leg);
                    }
                }
                rebridged(move.call());
            }
            case HELD -> {
                if (!move.reported()) {
                    endpoint.hold(leg);
                }
                rebridged(move.call());
            }
            case RELEASED -> {
                // A party that went on in another call with its leg (a consultation completed) is not released.
                if (leg.party() == party && !move.reported()) {
                    endpoint.release(leg, move.cause());
                }
                if (previous == PartyState.ESTABLISHED) {
                    rebridged(move.call());
                }
            }
        }
    }

    @Override
    public void settled(Change change) {
        try {
            for (Change.Digits sent : change.digits()) {
                for (Party other : sent.call().activeParties()) {
                    if (other != sent.sender() && other.state() == PartyState.ESTABLISHED && (other.isHeard() || !other.isInternal())) {
                        other.leg().endpoint().playDtmf(other.leg(), sent.digits());
                    }
                }
            }
            for (int i = 0; i < rebridged.size(); i++) {
                List<Party> parties = rebridged.get(i).parties();
                for (int p = 0; p < parties.size(); p++) {
                    Party other = parties.get(p);
                    SwitchLeg leg = other.leg();
                    if (other.state() == PartyState.ESTABLISHED && leg.actedIn() != change) {
                        leg.actedIn(change);
                        leg.endpoint().update(leg);
                    }
                }
            }
        } finally {
            rebridged.clear();
        }
    }

    private void rebridged(Call call) {
        if (!rebridged.contains(call)) {
            rebridged.add(call);
        }
    }
}
