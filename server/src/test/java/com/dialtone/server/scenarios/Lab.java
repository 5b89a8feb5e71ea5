package com.dialtone.server.scenarios;

import com.dialtone.server.config.ConfigLoader;
import com.dialtone.server.config.ContactCenter;
import com.dialtone.switching.AgentState;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.SwitchListener;
import com.dialtone.switching.embedded.EmbeddedSwitch;
import com.dialtone.switching.embedded.FarEndBehaviour;
import com.dialtone.switching.embedded.ManualSwitchLoop;
import com.dialtone.switching.embedded.SimulatedEndpoints;
import com.fasterxml.jackson.databind.JsonNode;
import com.dialtone.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The demo contact centre's switch on a manual clock, with scenario runs and agents played by the test:
 * each answers what rings after a few seconds, and may do more with the call (transfer it, say).
 */
final class Lab implements SwitchListener {

    final ManualSwitchLoop loop = new ManualSwitchLoop();
    final EmbeddedSwitch sw;
    final Scenarios scenarios;
    final List<CallEvent> events = new ArrayList<>();
    private final Map<String, BiConsumer<Lab, CallEvent>> onAnswered = new HashMap<>();
    private final Duration answerAfter;

    Lab(Duration answerAfter) {
        this.answerAfter = answerAfter;
        ContactCenter demo = ContactCenter.from(ConfigLoader.load(List.of()));
        Set<String> dns = demo.devices().all().stream().map(d -> d.phoneNumber()).collect(Collectors.toSet());
        SimulatedEndpoints endpoints = new SimulatedEndpoints(demo.dialPlan());
        sw = new EmbeddedSwitch(dns, demo.routingPlan(demo.users(), demo.devices()), endpoints, loop);
        scenarios = new Scenarios(loop, sw, sw, (number, busy) -> endpoints.overrideFarEnd(number, busy ? FarEndBehaviour.busy() : null, 0));
        sw.addListener(scenarios);
        sw.addListener(this);
    }

    /** The agents on these DNs log in, become Ready and answer what rings; {@code then} runs once they are talking. */
    Lab ready(BiConsumer<Lab, CallEvent> then, String... dns) {
        for (String dn : dns) {
            sw.login(dn).join();
            sw.setAgentState(dn, AgentState.READY, null).join();
            onAnswered.put(dn, then);
        }
        return this;
    }

    Lab ready(String... dns) {
        return ready((lab, event) -> { }, dns);
    }

    @Override
    public void onCallEvent(CallEvent event) {
        events.add(event);
        if (!(event instanceof CallEvent.PartyStateChanged changed) || !onAnswered.containsKey(event.dn())) {
            return;
        }
        String id = event.call().id();
        String dn = event.dn();
        if (event.party().state() == PartyState.RINGING) {
            loop.schedule(answerAfter, () -> sw.answer(id, dn));
        } else if (event.party().state() == PartyState.ESTABLISHED && changed.previous() == PartyState.RINGING
                && event.call().type() == CallType.INBOUND) {
            onAnswered.get(dn).accept(this, event);
        }
    }

    /** Runs the example file from examples/scenarios. */
    String run(String example) {
        return scenarios.start(ScenarioParser.parse(read(example), example));
    }

    static String read(String example) {
        Path file = Path.of("..", "examples", "scenarios", example);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode report(String id) {
        return Json.MAPPER.valueToTree(scenarios.report(id, 0).orElseThrow());
    }

    List<JsonNode> customers(JsonNode report, String group) {
        List<JsonNode> found = new ArrayList<>();
        report.path("customers").forEach(c -> {
            if (group == null || c.path("group").asText().equals(group)) {
                found.add(c);
            }
        });
        return found;
    }
}
