package com.dialtone.bench;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What an agent desktop waits for: from sending an operation over REST to receiving its notification
 * over CometD. A real server on a free port, a real HTTP client and the real CometD client, on loopback;
 * one agent, one operation at a time (UpdateUserData on a call that rings and is never answered).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripBenchmark {

    @Param({"long-polling", "websocket"})
    public String transport;

    BenchDesktop desktop;
    HttpRequest update;

    @Setup
    public void start() throws Exception {
        desktop = new BenchDesktop(transport, "dialPlan: {noAnswerTimeout: 10h}\n");
        desktop.send(desktop.post(BenchDesktop.DEVICE_CALLS, "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5550187\"}}"));
        String callId = (String) BenchDesktop.callOf(desktop.expect("StatusChange", "Dialing")).get("id");
        update = desktop.post("/me/calls/" + callId, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"step\":\"x\"}}");
    }

    @TearDown
    public void stop() throws Exception {
        desktop.close();
    }

    @Benchmark
    public Map<String, Object> operationToNotification() throws Exception {
        desktop.send(update);
        return desktop.expect("AttachedDataChanged", "Dialing");
    }
}
