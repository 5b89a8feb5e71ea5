package com.dialtone.switching;

import static com.dialtone.switching.AgentState.AFTER_CALL_WORK;
import static com.dialtone.switching.AgentState.AUX_WORK;
import static com.dialtone.switching.AgentState.LOGGED_OUT;
import static com.dialtone.switching.AgentState.NOT_READY;
import static com.dialtone.switching.AgentState.READY;
import static com.dialtone.switching.RecordingState.PAUSED;
import static com.dialtone.switching.RecordingState.RECORDING;
import static com.dialtone.switching.RecordingState.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two small state machines beside the party's: the agent's ACD state and a call's recording. */
class AgentAndRecordingStateTest {

    private static final Set<AgentState> LOGGED_IN = EnumSet.of(NOT_READY, READY, AFTER_CALL_WORK, AUX_WORK);

    @Test
    void aLoggedOutAgent_onlyLogsIn_andALoggedInOne_movesAnywhere() {
        for (AgentState from : AgentState.values()) {
            for (AgentState to : AgentState.values()) {
                boolean allowed = from == LOGGED_OUT ? to == LOGGED_OUT || to == NOT_READY : true;
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
            }
            assertThat(from.canMoveTo(null)).as("%s -> null", from).isFalse();
        }
        assertThat(EnumSet.allOf(AgentState.class)).filteredOn(AgentState::isLoggedIn).containsExactlyElementsOf(LOGGED_IN);
    }

    private static final Map<RecordingState, Set<RecordingState>> RECORDING_MOVES = Map.of(
            STOPPED, EnumSet.of(RECORDING),
            RECORDING, EnumSet.of(PAUSED, STOPPED),
            PAUSED, EnumSet.of(RECORDING, STOPPED));

    @Test
    void recording_startsFromStopped_pausesAndResumes_andStopsFromEither() {
        for (RecordingState from : RecordingState.values()) {
            for (RecordingState to : RecordingState.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(RECORDING_MOVES.get(from).contains(to));
            }
        }
    }
}
