package com.dialtone.switching.embedded;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the embedded switch does with numbers that are not its DNs: each one is played by a simulated far
 * end, whose behaviour is looked up here.
 *
 * @param defaultBehaviour for numbers not listed
 * @param numbers          behaviour of particular numbers
 * @param noAnswerTimeout  how long an external number may ring before the switch releases the call
 */
public record DialPlan(FarEndBehaviour defaultBehaviour, Map<String, FarEndBehaviour> numbers, Duration noAnswerTimeout) {

    public DialPlan {
        Objects.requireNonNull(defaultBehaviour, "defaultBehaviour");
        numbers = Map.copyOf(numbers);
        if (noAnswerTimeout.isNegative() || noAnswerTimeout.isZero()) {
            throw new IllegalArgumentException("noAnswerTimeout must be positive, was " + noAnswerTimeout);
        }
    }

    public FarEndBehaviour behaviourOf(String number) {
        return numbers.getOrDefault(number, defaultBehaviour);
    }
}
