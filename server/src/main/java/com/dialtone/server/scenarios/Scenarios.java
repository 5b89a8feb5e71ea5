package com.dialtone.server.scenarios;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CustomerSimulator;
import com.dialtone.switching.Switch;
import com.dialtone.switching.SwitchListener;
import com.dialtone.switching.embedded.SwitchLoop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The scenario runs of this server: started, listed, watched and stopped through {@code /sim/scenarios}.
 * As a switch listener it hands each event of a scenario customer's call to its run; every other call
 * costs one map lookup.
 */
public final class Scenarios implements SwitchListener {

    /** At most this many runs at once, so a forgotten loop of starts cannot pile customers onto the switch. */
    public static final int MAX_RUNNING = 5;
    /** Finished and stopped runs kept for their reports; the oldest go first. */
    public static final int MAX_KEPT = 20;

    private record Binding(ScenarioRun run, ScenarioRun.Customer customer) {
    }

    private final SwitchLoop loop;
    private final CustomerSimulator simulator;
    private final Switch telephony;
    private final BiConsumer<String, Boolean> busyNumbers;
    private final Map<String, Binding> calls = new ConcurrentHashMap<>();
    private final Map<String, ScenarioRun> runs = new LinkedHashMap<>();
    private int lastId;

    /**
     * @param busyNumbers makes an external number busy for calls to it (true) or not (false), for
     *                    customers whose behaviour is {@code busy}
     */
    public Scenarios(SwitchLoop loop, CustomerSimulator simulator, Switch telephony, BiConsumer<String, Boolean> busyNumbers) {
        this.loop = loop;
        this.simulator = simulator;
        this.telephony = telephony;
        this.busyNumbers = busyNumbers;
    }

    /**
     * Starts a run of the scenario.
     *
     * @return its id
     * @throws IllegalStateException when {@link #MAX_RUNNING} runs are under way
     */
    public String start(Scenario scenario) {
        ScenarioRun run;
        synchronized (runs) {
            long running = runs.values().stream().filter(r -> r.state() == ScenarioRun.State.RUNNING).count();
            if (running >= MAX_RUNNING) {
                throw new IllegalStateException(running + " scenario runs are under way, the most there may be; stop one first");
            }
            List<String> done = new ArrayList<>();
            runs.values().stream().filter(r -> r.state() != ScenarioRun.State.RUNNING).forEach(r -> done.add(r.id()));
            for (int i = 0; i < done.size() - (MAX_KEPT - 1); i++) {
                runs.remove(done.get(i));
            }
            run = new ScenarioRun(String.valueOf(++lastId), scenario, loop, simulator, telephony, new ScenarioRun.Bindings() {
                @Override
                public void bind(String callId, ScenarioRun r, ScenarioRun.Customer customer) {
                    calls.put(callId, new Binding(r, customer));
                }

                @Override
                public void unbind(String callId) {
                    calls.remove(callId);
                }

                @Override
                public void busy(String number, boolean busy) {
                    busyNumbers.accept(number, busy);
                }
            });
            runs.put(run.id(), run);
        }
        run.start();
        return run.id();
    }

    public List<Map<String, Object>> list() {
        List<ScenarioRun> all;
        synchronized (runs) {
            all = List.copyOf(runs.values());
        }
        return all.stream().map(ScenarioRun::summary).toList();
    }

    /** The run's report, with the timeline entries after {@code since}. */
    public Optional<Map<String, Object>> report(String id, long since) {
        return run(id).map(r -> r.report(since));
    }

    /** Stops the run (its customers still in a call hang up); false when there is no such run. */
    public boolean stop(String id) {
        Optional<ScenarioRun> run = run(id);
        run.ifPresent(ScenarioRun::stop);
        return run.isPresent();
    }

    /** Stops every run, as the server shuts down. */
    public void stopAll() {
        List<ScenarioRun> all;
        synchronized (runs) {
            all = List.copyOf(runs.values());
        }
        all.forEach(ScenarioRun::stop);
    }

    private Optional<ScenarioRun> run(String id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id));
        }
    }

    @Override
    public void onCallEvent(CallEvent event) {
        Binding binding = calls.get(event.call().id());
        if (binding != null) {
            binding.run().onCallEvent(binding.customer(), event);
        }
    }
}
