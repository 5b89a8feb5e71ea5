package com.dialtone.switching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
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
    void of_takesAnyJsonValue_inOneFormPerType_andKeepsNestedKeysInOrderOfArrival() {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("username", "agent.a");
        party.put("firstname", "Agent");
        party.put("lastname", "A");
        party.put("path", "/users/1");
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("WWE_PARTY_1002", party);
        pairs.put("list", List.of(1, 2.5, true));
        pairs.put("none", null);
        pairs.put("decimal", new BigDecimal("1.10"));
        pairs.put("big", new BigInteger("123456789012345678901234567890"));

        UserData data = UserData.of(pairs);

        assertThat(((Map<String, Object>) data.asMap().get("WWE_PARTY_1002")).keySet()).containsExactly("username", "firstname", "lastname", "path");
        assertThat((List<Object>) data.asMap().get("list")).containsExactly(1L, new BigDecimal("2.5"), true);
        assertThat(data.asMap()).containsEntry("none", null).containsEntry("decimal", new BigDecimal("1.10"));
        assertThatThrownBy(() -> ((Map<String, Object>) data.asMap().get("WWE_PARTY_1002")).put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void of_refusesWhatIsNoJsonValue() {
        assertThatThrownBy(() -> UserData.of(Map.of("k", Double.NaN))).hasMessageContaining("finite");
        assertThatThrownBy(() -> UserData.of(Map.of("k", new Object()))).hasMessageContaining("'k'");
        assertThatThrownBy(() -> UserData.of(Map.of("k", Map.of(1, "v")))).hasMessageContaining("not a string");
        assertThatThrownBy(() -> UserData.of(Map.of("", "v"))).hasMessageContaining("empty");
    }

    @Test
    void size_isTheCompactJsonLength_inUtf8() {
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("a", "é");
        pairs.put("b", List.of(1, true));
        pairs.put("c", Map.of("d", new BigDecimal("1.5")));
        // {"a":"é","b":[1,true],"c":{"d":1.5}}
        assertThat(UserData.of(pairs).size()).isEqualTo("{\"a\":\"é\",\"b\":[1,true],\"c\":{\"d\":1.5}}".getBytes(StandardCharsets.UTF_8).length);
        assertThat(UserData.of(Map.of("k", "x".repeat(UserData.MAX_BYTES))).isTooLarge()).isTrue();
    }

    @Test
    void asMap_cannotBeModified() {
        assertThatThrownBy(() -> UserData.of(Map.of("k", "v")).asMap().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
