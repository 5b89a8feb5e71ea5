package com.dialtone.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A scenario file's mistakes are named with their line, and every example is valid. */
class ScenarioParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"morning-rush.yaml", "account-number.yaml", "abandons.yaml", "transfer-heavy-hour.yaml"})
    void everyExample_isValid(String example) {
        Scenario scenario = ScenarioParser.parse(Lab.read(example), example);
        assertThat(scenario.name()).isNotBlank();
        assertThat(Plan.of(scenario)).isNotEmpty();
    }

    @Test
    void aFixedRate_givesEvenlySpacedCustomers_numberedFromTheFirstNumber() {
        Scenario scenario = ScenarioParser.parse("""
                customers:
                  - to: "8000"
                    from: "0550100"
                    rate: {every: 20s}
                    start: 5s
                    for: 1m
                """, "t.yaml");
        assertThat(Plan.of(scenario)).extracting(Plan.Arrival::at, Plan.Arrival::from).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Duration.ofSeconds(5), "0550100"),
                org.assertj.core.groups.Tuple.tuple(Duration.ofSeconds(25), "0550101"),
                org.assertj.core.groups.Tuple.tuple(Duration.ofSeconds(45), "0550102"));
        assertThat(scenario.name()).isEqualTo("t.yaml");
    }

    @Test
    void poissonArrivals_averageTheRate_andRepeatWithTheSeed() {
        String text = "seed: 7\ncustomers:\n  - {to: '8000', rate: {perMinute: 6}, for: 10h}\n";
        List<Plan.Arrival> plan = Plan.of(ScenarioParser.parse(text, "t"));
        assertThat(plan.size()).as("6 a minute for 10 hours").isBetween(3400, 3800);
        assertThat(Plan.of(ScenarioParser.parse(text, "t"))).isEqualTo(plan);
        assertThat(plan).extracting(Plan.Arrival::from).startsWith("5550001", "5550002");
    }

    @Test
    void mistakes_nameTheLineAndTheSetting() {
        assertRefused("""
                name: x
                customers:
                  - to: "8000"
                    at: 0s
                    behaviour:
                      talkFor: soon
                """, "t.yaml, line 6 (customers[0].behaviour.talkFor): 'talkFor' must be a duration");
        assertRefused("""
                customers:
                  - to: "8000"
                    at: 0s
                  - to: "8000"
                    rate: {every: 10s}
                """, "t.yaml, line 4 (customers[1]): a rate needs 'count' or 'for'");
        assertRefused("""
                customers:
                  - to: "8000"
                    at: 0s
                    bahaviour: {}
                """, "t.yaml, line 4 (customers[0].bahaviour): unknown setting 'bahaviour'; known here: at, behaviour, count");
        assertRefused("customers:\n  - {to: '8000', at: 0s, behaviour: {dtmf: [{digits: 12x}]}}\n",
                "t.yaml, line 2 (customers[0].behaviour.dtmf[0].digits): 'digits' must be 1 to 64 of 0-9, * and #");
        assertRefused("customers:\n  - {to: 'sales', at: 0s}\n", "t.yaml, line 2 (customers[0].to): 'to' must be a telephone number");
        assertRefused("customers:\n  - {to: '8000', at: 0s, rate: {every: 1s}}\n", "(customers[0]): a group of customers has either 'at'");
        assertRefused("customers:\n  - {to: '8000', rate: {every: 1ms}, for: 24h}\n", "more than 10000 customers");
        assertRefused("customers: [\n", ": not valid YAML: while parsing a flow node");
        assertRefused("", "the file is empty");
        assertRefused("name: x\n", "'customers' must be a list");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> ScenarioParser.parse(text, "t.yaml")).isInstanceOf(ScenarioException.class).hasMessageContaining(message);
    }
}
