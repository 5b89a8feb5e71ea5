package com.dialtone.bench;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the durability promise costs a desktop: from hanging up over REST to receiving the call's
 * {@code Released} over CometD, which the server sends only once the call's history is committed to the
 * embedded H2 database (docs/call-history.md). Each invocation first makes a call to a far end that
 * answers at once (not measured), then hangs it up (measured). One agent, one call at a time, so this is
 * the latency of one commit, not throughput; compare with {@link RoundTripBenchmark}, which never
 * waits for the database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReleaseRoundTripBenchmark {

    @Param({"long-polling", "websocket"})
    public String transport;

    BenchDesktop desktop;
    HttpRequest dial;
    HttpRequest hangup;

    @Setup
    public void start() throws Exception {
        desktop = new BenchDesktop(transport, "{}\n");
        dial = desktop.post(BenchDesktop.DEVICE_CALLS, "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5550100\"}}");
    }

    /** A call to 5550100, established; not measured. */
    @Setup(Level.Invocation)
    public void call() throws Exception {
        desktop.send(dial);
        String callId = (String) BenchDesktop.callOf(desktop.expect("StatusChange", "Dialing")).get("id");
        desktop.expect("StatusChange", "Established");
        hangup = desktop.post("/me/calls/" + callId, "{\"operationName\":\"Hangup\"}");
    }

    @TearDown
    public void stop() throws Exception {
        desktop.close();
    }

    @Benchmark
    public Map<String, Object> hangupToReleased() throws Exception {
        desktop.send(hangup);
        return desktop.expect("StatusChange", "Released");
    }
}
