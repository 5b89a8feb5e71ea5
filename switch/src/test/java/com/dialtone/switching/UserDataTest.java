package com.dialtone.switching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataTest {

    @Test
    void with_keepsOrderOfArrival_andReplacesExistingKeysInPlace() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("b", "1");
        first.put("a", 2);
        UserData data = UserData.of(first).with(Map.of("b", "changed", "c", "3"));

        assertThat(data.asMap()).containsExactly(Map.entry("b", "changed"), Map.entry("a", 2L), Map.entry("c", "3"));
    }

    @Test
    void without_removesOneKey_andAnEmptyResultIsEmpty() {
        UserData data = UserData.of(Map.of("k", "v"));

        assertThat(data.without("k").isEmpty()).isTrue();
        assertThat(data.without("other")).isSameAs(data);
    }

    @Test
    void of_refusesValuesThatAreNotStringsOrWholeNumbers() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("k", null);
        assertThatThrownBy(() -> UserData.of(bad)).hasMessageContaining("'k'").hasMessageContaining("null");
        assertThatThrownBy(() -> UserData.of(Map.of("k", 1.5))).hasMessageContaining("Double");
        assertThatThrownBy(() -> UserData.of(Map.of("k", List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserData.of(Map.of("", "v"))).hasMessageContaining("empty");
    }

    @Test
    void asMap_cannotBeModified() {
        assertThatThrownBy(() -> UserData.of(Map.of("k", "v")).asMap().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
