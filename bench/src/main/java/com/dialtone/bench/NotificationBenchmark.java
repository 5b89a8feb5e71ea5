package com.dialtone.bench;

import com.dialtone.server.api.Features;
import com.dialtone.server.calls.CallMapper;
import com.dialtone.server.calls.CallResource;
import com.dialtone.server.calls.CallView;
import com.dialtone.server.directory.Device;
import com.dialtone.server.http.Json;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.notifications.CallStateChangeMessage;
import com.dialtone.server.notifications.Metrics;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.UserData;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the notifier does on the switch's thread for each event and listening user: map the call to the
 * GWS resource and build the message; and what CometD then does once per message: turn it into JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NotificationBenchmark {

    CallMapper mapper;
    CallView view;

    @Setup
    public void prepare() {
        mapper = new CallMapper(new PublicUrls("http://127.0.0.1:8090"), Features.ALL);
        Instant start = Instant.now();
        CallSnapshot call = new CallSnapshot("012PUFMMS0ASNAK48O7GK2LAES000004", "007102719260b004", CallType.INTERNAL,
                "15001", "15002", null, null,
                List.of(new PartySnapshot("15001", true, PartyState.ESTABLISHED, false, start, null),
                        new PartySnapshot("15002", true, PartyState.ESTABLISHED, false, start, null)),
                UserData.of(Map.of("CustomerSegment", "Gold", "Case", "42")), null, start);
        view = CallView.of(call, new Device("631608b3-ceb1-472b-ba05-2ae39555b0d1", "15001", "user"), List.of(call));
    }

    @Benchmark
    public CallStateChangeMessage buildMessage() {
        CallResource resource = mapper.toResource(view, Instant.now());
        return new CallStateChangeMessage("StatusChange", resource, "15001", Map.of("BusinessCall", 0), "CallStateChangeMessage",
                new Metrics(new Metrics.EventProcessing(1_000, System.currentTimeMillis(), 0)), "/v2/me/calls");
    }

    @Benchmark
    public byte[] buildAndSerialiseMessage() throws JsonProcessingException {
        return Json.MAPPER.writeValueAsBytes(buildMessage());
    }
}
