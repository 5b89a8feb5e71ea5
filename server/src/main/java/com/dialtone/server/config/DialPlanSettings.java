package com.dialtone.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Map;

/**
 * @param defaultBehaviour how a number not listed behaves
 * @param numbers          numbers with their own behaviour
 * @param noAnswerTimeout  how long an external number may ring before the call is released
 */
public record DialPlanSettings(@JsonProperty("default") FarEndSettings defaultBehaviour,
                               Map<String, FarEndSettings> numbers, Duration noAnswerTimeout) {
}
