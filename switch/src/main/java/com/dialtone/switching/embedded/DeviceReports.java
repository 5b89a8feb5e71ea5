package com.dialtone.switching.embedded;

import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;

/**
 * What a device's report does to the calls: the inbound half of the endpoint seam, on the switch loop,
 * one report per unit of work ({@link SwitchWork#report}). A report that does not apply to the party as
 * it is by now (an answer from a party that no longer rings, anything from a leg that has ended) changes
 * nothing. See {@link com.dialtone.switching.endpoint.Progress} for what each report means.
 */
final class DeviceReports {

    /** The reports of {@link com.dialtone.switching.endpoint.Progress}, one constant each. */
    enum Report {
        ANSWERED, BUSY, NO_ANSWER, DECLINED, HUNG_UP, HELD, RETRIEVED, DTMF
    }

    private final Lines lines;

    DeviceReports(Lines lines) {
        this.lines = lines;
    }

    /** @param digits for {@link Report#DTMF}, checked already; else null */
    void apply(SwitchLeg leg, Report report, String digits, Change change) {
        if (leg.hasEnded()) {
            return;
        }
        change.reportedBy(leg);
        Call call = leg.call();
        Party party = leg.party();
        PartyState state = party.state();
        switch (report) {
            case ANSWERED -> {
                if (state == PartyState.RINGING) {
                    lines.deviceTookLine(party, call, change);
                    call.answer(party, change);
                }
            }
            case BUSY -> failed(call, party, ReleaseCause.BUSY, change);
            case NO_ANSWER -> failed(call, party, ReleaseCause.NO_ANSWER, change);
            case DECLINED -> {
                if (state == PartyState.RINGING) {
                    call.release(party, ReleaseCause.REJECTED, change);
                }
            }
            case HUNG_UP -> call.release(party, ReleaseCause.HANGUP, change);
            case HELD -> {
                if (state == PartyState.ESTABLISHED) {
                    call.hold(party, change);
                }
            }
            case RETRIEVED -> {
                if (state == PartyState.HELD) {
                    lines.deviceTookLine(party, call, change);
                    call.retrieve(party, change);
                }
            }
            case DTMF -> {
                for (Party other : call.activeParties()) {
                    if (other.isHeard() && other.state() == PartyState.ESTABLISHED) {
                        change.dtmfSent(call, other, party.number(), digits);
                    }
                }
            }
        }
    }

    private static void failed(Call call, Party party, ReleaseCause cause, Change change) {
        if (party.state() == PartyState.RINGING || party.state() == PartyState.DIALING) {
            call.release(party, cause, change);
        }
    }
}
