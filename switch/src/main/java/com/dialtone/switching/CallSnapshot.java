package com.dialtone.switching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A call as it was at one moment; immutable, so it can be read on any thread.
 *
 * @param id           the call's universal id (T-Server's CallUUID), stable for the life of the call
 * @param connId       the switch's connection id (T-Server's ConnID), 16 hex digits
 * @param type         how the call came to be
 * @param ani          the calling number
 * @param dnis         the dialled number
 * @param location     the location the originator asked for when dialling, or null
 * @param parentCallId for a consult call, the call it consults about; otherwise null
 * @param parties      every party that has been in the call, in order of joining
 * @param userData     the data attached to the call
 * @param recording    whether the call is being recorded; null if recording was never started
 * @param createdAt    when the call was created
 */
public record CallSnapshot(String id, String connId, CallType type, String ani, String dnis, String location,
                           String parentCallId, List<PartySnapshot> parties, UserData userData,
                           RecordingState recording, Instant createdAt) {

    public CallSnapshot {
        parties = List.copyOf(parties);
    }

    /** The party of this number; if it joined more than once, its latest time. */
    public Optional<PartySnapshot> party(String number) {
        PartySnapshot found = null;
        for (PartySnapshot party : parties) {
            if (party.number().equals(number)) {
                found = party;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The parties the given party shares the call with: those still in it, and those that left at the
     * same moment the given party did (so a released call still shows whom it was with).
     */
    public List<PartySnapshot> partiesSeenBy(String number) {
        PartySnapshot self = party(number).orElseThrow(() -> new IllegalArgumentException(number + " is not a party of call " + id));
        return parties.stream()
                .filter(other -> other != self)
                .filter(other -> other.releasedAt() == null
                        || (self.releasedAt() != null && !other.releasedAt().isBefore(self.releasedAt())))
                .toList();
    }

    /** The parties still in the call. */
    public List<PartySnapshot> activeParties() {
        return parties.stream().filter(PartySnapshot::isActive).toList();
    }

    /** True once every party has left. */
    public boolean isEnded() {
        return parties.stream().noneMatch(PartySnapshot::isActive);
    }
}
