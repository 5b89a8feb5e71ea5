package com.dialtone.server.scenarios;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A scenario's customers one by one, each with the moment it calls: the groups' arrivals laid out on one
 * timeline before the run starts, so a run is repeatable (random arrivals come from the scenario's seed).
 */
public final class Plan {

    /** The first number of customers whose group gives no {@code from}: 5550001, 5550002, ... */
    static final BigInteger DEFAULT_FROM = BigInteger.valueOf(5_550_001);

    /** One customer to come: the {@code index}-th of the run (from 1), of the group, calling at {@code at}. */
    public record Arrival(int index, Scenario.Group group, Duration at, String from) {
    }

    private Plan() {
    }

    public static List<Arrival> of(Scenario scenario) {
        Random random = new Random(scenario.seed());
        record Timed(Scenario.Group group, Duration at, String from) {
        }
        List<Timed> timed = new ArrayList<>();
        int withoutNumber = 0;
        for (Scenario.Group group : scenario.groups()) {
            List<Duration> times = times(group.arrivals(), random);
            for (int i = 0; i < times.size(); i++) {
                String from = group.from() != null ? plus(group.from(), i) : DEFAULT_FROM.add(BigInteger.valueOf(withoutNumber++)).toString();
                timed.add(new Timed(group, times.get(i), from));
            }
        }
        timed.sort(Comparator.comparing(Timed::at)); // stable: at the same moment, in the file's order
        List<Arrival> arrivals = new ArrayList<>();
        for (Timed t : timed) {
            arrivals.add(new Arrival(arrivals.size() + 1, t.group(), t.at(), t.from()));
        }
        return arrivals;
    }

    private static List<Duration> times(Scenario.Arrivals arrivals, Random random) {
        if (!arrivals.at().isEmpty()) {
            return arrivals.at();
        }
        Duration end = arrivals.lasting() == null ? ScenarioParser.MAX_LENGTH : arrivals.start().plus(arrivals.lasting());
        int most = arrivals.count() > 0 ? arrivals.count() : ScenarioParser.MAX_CUSTOMERS;
        List<Duration> times = new ArrayList<>();
        Duration t = arrivals.start();
        if (arrivals.every() == null) {
            t = t.plus(gap(arrivals.perHour(), random));
        }
        while (times.size() < most && t.compareTo(end) < 0) {
            times.add(t);
            t = t.plus(arrivals.every() != null ? arrivals.every() : gap(arrivals.perHour(), random));
        }
        return times;
    }

    /** A Poisson process's time to the next arrival: exponential, with mean one hour / rate. */
    private static Duration gap(double perHour, Random random) {
        double hours = -Math.log(1 - random.nextDouble()) / perHour;
        return Duration.ofNanos((long) Math.min(hours * 3.6e12, ScenarioParser.MAX_LENGTH.toNanos()));
    }

    /** The number {@code n} after {@code first}, as long as it (5550100 + 2 = 5550102, 0042 + 1 = 0043). */
    private static String plus(String first, int n) {
        String next = new BigInteger(first).add(BigInteger.valueOf(n)).toString();
        return next.length() < first.length() ? "0".repeat(first.length() - next.length()) + next : next;
    }
}
