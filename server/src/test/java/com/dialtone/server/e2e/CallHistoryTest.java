package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.History.parties;
import static com.dialtone.server.e2e.History.statesOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.embedded.ManualSwitchLoop;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every released call is in the history, with its ids, type, parties and their users, state times, user
 * data and recording; and it is there the moment its {@code Released} arrives: each test asks for the
 * history once, right after the notification, without waiting or retrying.
 */
class CallHistoryTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anExternalCall_isRecorded_withItsDataAndRecording_theMomentItsReleasedArrives(Transport transport) throws Exception {
        // On the manual clock (the history's times are the switch's): the call lasts exactly 1.5 s, however slow the machine.
        ManualSwitchLoop clock = new ManualSwitchLoop();
        try (GwsServer onClock = GwsServer.onClock(clock)) {
            Agent agent1 = Agent.login(onClock, "agent1", transport);
            try {
                anExternalCall(agent1, clock);
            } finally {
                agent1.close();
            }
        }
    }

    private static void anExternalCall(Agent agent1, ManualSwitchLoop clock) {
        JsonNode dialing = agent1.dial("5550100");
        String id = dialing.path("id").asText();
        clock.runDueTimers(); // 5550100 answers at once
        agent1.expectCall(id, "StatusChange", "Established");
        agent1.perform(id, "AttachUserData", "'userData':{'Case':'42','Priority':7}");
        agent1.expectCall(id, "AttachedDataChanged", "Established");
        agent1.perform(id, "StartCallRecording", "");
        agent1.expectCall(id, "CallRecordingStateChange", "Established");
        agent1.perform(id, "PauseCallRecording", "");
        agent1.expectCall(id, "CallRecordingStateChange", "Established");
        clock.advance(Duration.ofMillis(1500));

        agent1.perform(id, "Hangup", "");
        JsonNode released = agent1.expectCall(id, "StatusChange", "Released");
        JsonNode call = History.call(agent1, id);

        assertThat(SeedDialTest.fieldNames(call)).containsExactly("id", "connId", "callUuid", "callType", "startedAt", "endedAt", "duration",
                "parties", "states", "userData", "recordingState", "completed");
        assertThat(call.path("connId").asText()).isEqualTo(dialing.path("connId").asText()).matches("[0-9a-f]{16}");
        assertThat(call.path("callUuid").asText()).isEqualTo(dialing.path("callUuid").asText());
        assertThat(call.path("callType").asText()).isEqualTo("Outbound");
        assertThat(parties(call)).containsExactly("15001/agent1", "5550100");
        assertThat(statesOf(call, "15001")).containsExactly("Dialing", "Established", "Released");
        assertThat(statesOf(call, "5550100")).containsExactly("Ringing", "Established", "Released");
        History.assertTimesConsistent(call);
        assertThat(Duration.between(Instant.parse(call.path("startedAt").asText()), Instant.parse(call.path("endedAt").asText())))
                .as("from the Dial to the Hangup on the switch's clock").isEqualTo(Duration.ofMillis(1500));
        assertThat(call.path("duration").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(call.path("userData")).as("the data as the call ended").isEqualTo(released.path("userData"));
        assertThat(call.path("userData").path("Case").asText()).isEqualTo("42");
        assertThat(call.path("userData").path("Priority").isIntegralNumber()).isTrue();
        assertThat(call.path("recordingState").asText()).as("it was recorded; recording stops with the call").isEqualTo("Stopped");
        assertThat(call.path("completed").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anInternalCall_isInTheHistoryOfBothAgents_andNoOneElses(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        Agent agent3 = restOnly("agent3");
        String id = CallControl.connected(agent1, agent2);

        agent2.perform(id, "Hangup", "");

        agent2.expectCall(id, "StatusChange", "Released");
        JsonNode seenByAgent2 = History.call(agent2, id);
        agent1.expectCall(id, "StatusChange", "Released");
        JsonNode seenByAgent1 = History.call(agent1, id);
        assertThat(seenByAgent1).isEqualTo(seenByAgent2);
        assertThat(seenByAgent1.path("callType").asText()).isEqualTo("Internal");
        assertThat(parties(seenByAgent1)).containsExactly("15001/agent1", "15002/agent2");
        assertThat(statesOf(seenByAgent1, "15001")).as("%s", seenByAgent1).containsExactly("Dialing", "Established", "Released");
        assertThat(statesOf(seenByAgent1, "15002")).containsExactly("Ringing", "Established", "Released");
        assertThat(seenByAgent1.has("userData")).isTrue();
        assertThat(seenByAgent1.path("userData")).isEmpty();
        assertThat(seenByAgent1.has("recordingState")).as("never recorded").isFalse();
        History.assertTimesConsistent(seenByAgent1);
        assertThat(History.of(agent3, "").path("totalCount").asInt()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSingleStepTransfer_isRecordedForTheAgentWhoLeft_atOnce_andForTheOneWhoFinished(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.callWithCustomer();

        agent1.perform(id, "SingleStepTransfer", "'destination':{'phoneNumber':'15002'},'userData':{'TransferReason':'Escalation'}");

        agent1.expectCall(id, "StatusChange", "Released");
        JsonNode whileGoingOn = History.call(agent1, id);
        assertThat(whileGoingOn.has("endedAt")).as("the call goes on without agent1").isFalse();
        assertThat(parties(whileGoingOn)).containsExactly("15001/agent1", "5550100", "15002/agent2");
        assertThat(statesOf(whileGoingOn, "15001")).containsExactly("Dialing", "Established", "Released");
        assertThat(statesOf(whileGoingOn, "15002")).containsExactly("Ringing");
        History.assertTimesConsistent(whileGoingOn);

        agent2.expectCall(id, "StatusChange", "Ringing");
        agent2.perform(id, "Answer", "");
        agent2.expectCall(id, "StatusChange", "Established");
        agent2.perform(id, "Hangup", "");
        agent2.expectCall(id, "StatusChange", "Released");

        JsonNode ended = History.call(agent2, id);
        assertThat(ended.path("callType").asText()).isEqualTo("Outbound");
        assertThat(parties(ended)).containsExactly("15001/agent1", "5550100", "15002/agent2");
        assertThat(statesOf(ended, "15002")).containsExactly("Ringing", "Established", "Released");
        assertThat(statesOf(ended, "5550100")).containsExactly("Ringing", "Established", "Released");
        assertThat(ended.path("userData").path("TransferReason").asText()).isEqualTo("Escalation");
        History.assertTimesConsistent(ended);
        assertThat(History.call(agent1, id)).as("one call, one record").isEqualTo(ended);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aConsultTransfer_recordsBothCalls_forBothAgents(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.callWithCustomer();
        agent1.perform(id, "UpdateUserData", "'userData':{'Case':'42'}");
        agent1.expectCall(id, "AttachedDataChanged", "Established");
        String consultId = CallControl.consultAnswered(agent1, id, "InitiateTransfer", agent2);

        agent1.perform(consultId, "CompleteTransfer", "");

        agent1.expectCall(consultId, "StatusChange", "Released");
        agent1.expectCall(id, "StatusChange", "Released");
        JsonNode agent1History = History.of(agent1, "");
        assertThat(History.ids(agent1History)).containsExactly(consultId, id); // newest first
        agent2.expectCall(consultId, "StatusChange", "Released");
        agent2.expectCall(id, "StatusChange", "Established");
        agent2.perform(id, "Hangup", "");
        agent2.expectCall(id, "StatusChange", "Released");

        JsonNode consult = History.call(agent2, consultId);
        assertThat(consult.path("callType").asText()).isEqualTo("Consult");
        assertThat(consult.path("parentCallId").asText()).isEqualTo(id);
        assertThat(parties(consult)).containsExactly("15001/agent1", "15002/agent2");
        assertThat(statesOf(consult, "15001")).containsExactly("Dialing", "Established", "Released");
        assertThat(statesOf(consult, "15002")).containsExactly("Ringing", "Established", "Released");
        assertThat(consult.path("userData").path("Case").asText()).isEqualTo("42");
        History.assertTimesConsistent(consult);

        JsonNode parent = History.call(agent2, id);
        assertThat(parent.path("callType").asText()).isEqualTo("Outbound");
        assertThat(parent.has("parentCallId")).isFalse();
        assertThat(parties(parent)).containsExactly("15001/agent1", "5550100", "15002/agent2");
        assertThat(statesOf(parent, "15001")).containsExactly("Dialing", "Established", "Held", "Released");
        assertThat(statesOf(parent, "15002")).as("joined talking, from the consult call").containsExactly("Established", "Released");
        History.assertTimesConsistent(parent);
        assertThat(History.ids(History.of(agent1, ""))).containsExactly(consultId, id);
        assertThat(History.call(agent1, id)).isEqualTo(parent);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aConference_recordsEveryoneWhoTookPart_andWhen(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.callWithCustomer();
        String consultId = CallControl.consultAnswered(agent1, id, "InitiateConference", agent2);
        agent1.perform(consultId, "CompleteConference", "");
        agent1.expectCall(consultId, "StatusChange", "Released");
        agent1.expectCall(id, "StatusChange", "Established");
        agent2.expectCall(consultId, "StatusChange", "Released");
        agent2.expectCall(id, "StatusChange", "Established");
        agent2.perform(id, "AttachUserData", "'userData':{'Resolution':'refund'}");
        agent2.expectCall(id, "AttachedDataChanged", "Established");
        agent1.expectCall(id, "AttachedDataChanged", "Established");

        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        assertThat(History.call(agent1, id).has("endedAt")).as("agent2 and the customer are still talking").isFalse();
        agent2.expectCall(id, "ParticipantsUpdated", "Established");
        agent2.perform(id, "Hangup", "");
        agent2.expectCall(id, "StatusChange", "Released");

        JsonNode call = History.call(agent2, id);
        assertThat(parties(call)).containsExactly("15001/agent1", "5550100", "15002/agent2");
        assertThat(statesOf(call, "15001")).containsExactly("Dialing", "Established", "Held", "Established", "Released");
        assertThat(statesOf(call, "15002")).containsExactly("Established", "Released");
        assertThat(statesOf(call, "5550100")).containsExactly("Ringing", "Established", "Released");
        assertThat(call.path("userData").path("Resolution").asText()).isEqualTo("refund");
        History.assertTimesConsistent(call);
        JsonNode consult = History.call(agent1, consultId);
        assertThat(consult.path("parentCallId").asText()).isEqualTo(id);
        assertThat(History.ids(History.of(agent2, ""))).containsExactly(consultId, id);
    }

    /** Five calls in a row, each looked up the moment its Released arrives: a race would show. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyCall_isTheNewestInTheHistory_theMomentItsReleasedArrives(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        for (int i = 0; i < 5; i++) {
            String id = agent1.callWithCustomer();
            agent1.perform(id, "Hangup", "");
            agent1.expectCall(id, "StatusChange", "Released");
            JsonNode reply = History.of(agent1, "limit=1");
            assertThat(History.ids(reply)).as("call %d", i + 1).containsExactly(id);
            assertThat(reply.path("calls").path(0).has("endedAt")).isTrue();
        }
    }

    @Test
    void theHistory_isStillThereAfterARestartOnTheSameData() throws Exception {
        Agent agent1 = login("agent1", Transport.WEBSOCKET);
        Agent agent2 = login("agent2", Transport.WEBSOCKET);
        String id = CallControl.connected(agent1, agent2);
        agent1.perform(id, "AttachUserData", "'userData':{'Case':'7'}");
        agent1.expectCall(id, "AttachedDataChanged", "Established");
        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        JsonNode before = History.call(agent1, id);
        agent1.close();
        agent2.close();

        server.server.close(); // the data folder stays: the test's server owns it and deletes it after the test
        try (GwsServer again = GwsServer.startOn(server.dataDir())) {
            Agent agent1Again = Agent.restOnly(again, "agent1");
            assertThat(History.call(agent1Again, id)).isEqualTo(before);
            assertThat(History.call(Agent.restOnly(again, "agent2"), id)).isEqualTo(before);
        }
    }

    /**
     * What a {@code kill -9} leaves, as nearly as one process can make it: the database files copied
     * while the server runs and has never closed them. A server on the copy must read the history.
     * (A test with a real killed process is separate.)
     */
    @Test
    void theHistory_isReadableFromFilesTheServerNeverClosed() throws Exception {
        Agent agent1 = login("agent1", Transport.LONG_POLLING);
        String ended = agent1.callWithCustomer();
        agent1.perform(ended, "Hangup", "");
        agent1.expectCall(ended, "StatusChange", "Released");
        agent1.callWithCustomer(); // going on while the files are copied

        Path copy = Files.createTempDirectory("dialtone-unclean");
        try {
            try (Stream<Path> files = Files.list(server.dataDir())) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            try (GwsServer again = GwsServer.startOn(copy)) {
                Agent reader = Agent.restOnly(again, "agent1");
                JsonNode history = History.of(reader, "");
                assertThat(History.ids(history)).as("the ended call, and not the one going on (nothing of it was released)")
                        .containsExactly(ended);
                assertThat(History.call(reader, ended).has("endedAt")).isTrue();
            }
        } finally {
            GwsServer.deleteRecursively(copy);
        }
    }
}
