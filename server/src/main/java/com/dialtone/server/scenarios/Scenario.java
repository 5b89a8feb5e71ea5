package com.dialtone.server.scenarios;

import com.dialtone.switching.UserData;
import java.time.Duration;
import java.util.List;

/**
 * A scenario as its file describes it (docs/test-lab.md): groups of simulated customers, each arriving at
 * given times or at a rate, calling one number with data attached and a behaviour.
 *
 * @param name        for people; the file's name when it gives none
 * @param description for people; may be empty
 * @param seed        seeds the random arrivals (Poisson), so a run can be repeated exactly
 * @param groups      the customers, group by group, in the order the file lists them
 */
public record Scenario(String name, String description, long seed, List<Group> groups) {

    public Scenario {
        groups = List.copyOf(groups);
    }

    /**
     * Customers who call alike.
     *
     * @param label     for people, in the report; the group's position when the file gives none
     * @param to        a routing point or a DN
     * @param from      the first customer's number; the next customers take the numbers after it
     * @param data      attached to each call
     * @param arrivals  when they call
     * @param behaviour what each does once calling
     */
    public record Group(String label, String to, String from, UserData data, Arrivals arrivals, Behaviour behaviour) {
    }

    /**
     * When a group's customers call, measured from the start of the run.
     *
     * @param at       explicit times; empty when a rate is given
     * @param start    with a rate: when the first may come
     * @param every    a fixed rate: one customer every this long; null otherwise
     * @param perHour  a random (Poisson) rate: on average this many an hour; 0 otherwise
     * @param count    with a rate: how many in all (0 = as many as fit in {@code lasting})
     * @param lasting  with a rate: for how long they keep coming (null = until {@code count} have called)
     */
    public record Arrivals(List<Duration> at, Duration start, Duration every, double perHour, int count, Duration lasting) {

        public Arrivals {
            at = List.copyOf(at);
        }
    }

    /**
     * What a customer does once calling. Null durations mean "never".
     *
     * @param hangUpAfter  hangs up this long after calling, answered or not
     * @param abandonAfter hangs up this long after calling if nobody has answered yet
     * @param talkFor      hangs up this long after being answered
     * @param dtmf         digits keyed in, each this long after the answer
     * @param busy         the customer's own number is busy while the run lasts: an agent calling back gets busy
     */
    public record Behaviour(Duration hangUpAfter, Duration abandonAfter, Duration talkFor, List<Dtmf> dtmf, boolean busy) {

        public Behaviour {
            dtmf = List.copyOf(dtmf);
        }
    }

    /** Digits the customer keys in, {@code after} the answer. */
    public record Dtmf(Duration after, String digits) {
    }
}
