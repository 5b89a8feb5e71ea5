package com.dialtone.switching;

/**
 * Something that happened to one internal party's view of a call. A change that touches several DNs
 * (an answer connects both sides) produces one event per DN, all carrying the same snapshot.
 * External parties get no events: nobody on this switch watches them.
 */
public sealed interface CallEvent permits CallEvent.PartyStateChanged, CallEvent.PartiesChanged, CallEvent.UserDataChanged,
        CallEvent.DtmfSent, CallEvent.MuteChanged, CallEvent.RecordingChanged, CallEvent.DestinationFailed,
        CallEvent.MonitoringChanged, CallEvent.MonitoredPartyMuteChanged {

    /** The call right after the change. */
    CallSnapshot call();

    /** The DN whose view of the call this event is about. */
    String dn();

    /**
     * {@link System#nanoTime()} when the switch began the work that caused this event: the arrival of a
     * request, or the firing of a timer. Lets listeners measure their processing time.
     */
    long startedNanos();

    default PartySnapshot party() {
        return call().party(dn()).orElseThrow();
    }

    /**
     * The party moved from {@code previous} to its current state.
     *
     * @param previous null when the party has just joined the call
     * @param cause    why it was released; null unless the new state is {@link PartyState#RELEASED}
     */
    record PartyStateChanged(CallSnapshot call, String dn, PartyState previous, ReleaseCause cause, long startedNanos)
            implements CallEvent {
    }

    /** Others joined or left the call; this party's own state did not change. */
    record PartiesChanged(CallSnapshot call, String dn, long startedNanos) implements CallEvent {
    }

    /** The call's user data changed; {@link CallSnapshot#userData()} holds all of it. */
    record UserDataChanged(CallSnapshot call, String dn, long startedNanos) implements CallEvent {
    }

    /**
     * DTMF digits were sent into the call.
     *
     * @param sender the number that sent them: {@code dn} itself, or a customer's external number
     */
    record DtmfSent(CallSnapshot call, String dn, String sender, String digits, long startedNanos) implements CallEvent {
    }

    /** The party muted or unmuted itself. */
    record MuteChanged(CallSnapshot call, String dn, long startedNanos) implements CallEvent {
    }

    /** The call's recording started, paused, resumed or stopped. */
    record RecordingChanged(CallSnapshot call, String dn, long startedNanos) implements CallEvent {
    }

    /**
     * A destination this party called or added (by dialling, consulting or conferencing) did not get
     * through. Comes before the events of the releases it causes.
     */
    record DestinationFailed(CallSnapshot call, String dn, String destination, ReleaseCause cause, long startedNanos)
            implements CallEvent {
    }

    /** The party is a monitoring supervisor whose mode (listen in, coach, barge in) changed. */
    record MonitoringChanged(CallSnapshot call, String dn, long startedNanos) implements CallEvent {
    }

    /**
     * A monitoring supervisor muted or unmuted the monitored agent. Both the supervisor and the agent get
     * one; see {@link PartySnapshot#mutedBySupervisor()}.
     */
    record MonitoredPartyMuteChanged(CallSnapshot call, String dn, long startedNanos) implements CallEvent {
    }
}
