package com.dialtone.switching;

import static com.dialtone.switching.PartyState.DIALING;
import static com.dialtone.switching.PartyState.ESTABLISHED;
import static com.dialtone.switching.PartyState.HELD;
import static com.dialtone.switching.PartyState.RELEASED;
import static com.dialtone.switching.PartyState.RINGING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartyStateTest {

    private static final Map<PartyState, Set<PartyState>> ALLOWED = Map.of(
            DIALING, EnumSet.of(ESTABLISHED, RELEASED),
            RINGING, EnumSet.of(ESTABLISHED, RELEASED),
            ESTABLISHED, EnumSet.of(HELD, RELEASED),
            HELD, EnumSet.of(ESTABLISHED, RELEASED),
            RELEASED, EnumSet.noneOf(PartyState.class));

    @Test
    void everyTransition_isAllowedExactlyWhenTheDiagramSaysSo() {
        for (PartyState from : PartyState.values()) {
            for (PartyState to : PartyState.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyReleased_isInactive() {
        assertThat(EnumSet.allOf(PartyState.class)).filteredOn(s -> !s.isActive()).containsExactly(RELEASED);
    }
}
