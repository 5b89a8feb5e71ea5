package com.dialtone.switching.embedded;

import static com.dialtone.switching.RecordingState.PAUSED;
import static com.dialtone.switching.RecordingState.RECORDING;
import static com.dialtone.switching.RecordingState.STOPPED;
import static com.dialtone.switching.embedded.InternalCallTest.assertRejected;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT1;
import static com.dialtone.switching.embedded.SwitchFixture.AGENT2;
import static com.dialtone.switching.embedded.SwitchFixture.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.RecordingState;
import com.dialtone.switching.SwitchRejection.Reason;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordingTest {

    private final SwitchFixture f = new SwitchFixture();

    @Test
    void everyRecordingTransition_isAllowedExactlyAsDesigned() {
        Map<RecordingState, Set<RecordingState>> allowed = Map.of(
                RECORDING, EnumSet.of(PAUSED, STOPPED),
                PAUSED, EnumSet.of(RECORDING, STOPPED),
                STOPPED, EnumSet.of(RECORDING));
        for (RecordingState from : RecordingState.values()) {
            for (RecordingState to : RecordingState.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed.get(from).contains(to));
            }
        }
    }

    @Test
    void startPauseResumeStop_changeTheCallsRecording_andEveryoneIsTold() {
        CallSnapshot call = f.connected(AGENT1, AGENT2);
        assertThat(call.recording()).as("never recorded").isNull();

        done(f.sw.setRecording(call.id(), AGENT1, RECORDING));
        assertThat(f.call(call.id()).recording()).isEqualTo(RECORDING);
        assertThat(f.call(call.id()).userData().asMap()).containsEntry("GSIP_RECORD", "ON");
        done(f.sw.setRecording(call.id(), AGENT2, PAUSED));
        assertThat(f.call(call.id()).userData().asMap()).containsEntry("GSIP_RECORD", "PAUSED");
        done(f.sw.setRecording(call.id(), AGENT1, RECORDING));
        done(f.sw.setRecording(call.id(), AGENT1, STOPPED));
        assertThat(f.call(call.id()).recording()).isEqualTo(STOPPED);
        assertThat(f.call(call.id()).userData().asMap()).doesNotContainKey("GSIP_RECORD");

        assertThat(f.recorder.of(AGENT1, CallEvent.RecordingChanged.class)).extracting(e -> e.call().recording())
                .containsExactly(RECORDING, PAUSED, RECORDING, STOPPED);
        assertThat(f.recorder.of(AGENT2, CallEvent.RecordingChanged.class)).hasSize(4);
    }

    @Test
    void transitionsOutOfTurn_areRefused() {
        CallSnapshot call = f.connected(AGENT1, AGENT2);
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setRecording(call.id(), AGENT1, PAUSED));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setRecording(call.id(), AGENT1, STOPPED));
        done(f.sw.setRecording(call.id(), AGENT1, RECORDING));
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setRecording(call.id(), AGENT1, RECORDING));
        CallSnapshot ringing = f.dial("15003", "15004");
        assertRejected(Reason.NOT_ALLOWED_IN_STATE, f.sw.setRecording(ringing.id(), "15003", RECORDING));
        assertThat(f.call(call.id()).recording()).isEqualTo(RECORDING);
    }

    @Test
    void theRecordingStops_whenTheCallEnds() {
        CallSnapshot call = f.connected(AGENT1, AGENT2);
        done(f.sw.setRecording(call.id(), AGENT1, RECORDING));
        f.recorder.clear();

        done(f.sw.release(call.id(), AGENT1));

        assertThat(f.recorder.events.get(0).call().recording()).isEqualTo(STOPPED);
    }
}
