package com.dialtone.server.config;

import java.time.Duration;

/**
 * How a simulated far end behaves.
 *
 * @param outcome     {@code answer}, {@code busy} or {@code noAnswer}
 * @param answerAfter with {@code answer}: how long it rings first
 * @param hangUpAfter with {@code answer}: how long after answering it hangs up; absent to stay on
 */
public record FarEndSettings(String outcome, Duration answerAfter, Duration hangUpAfter) {
}
