package org.ctemcycles.store;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import org.junit.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.Assert.assertEquals;

/**
 * A signal's attributes are stored as the very text Gson's default {@code toJson} wrote for them before (ADR 046):
 * every character from U+0000 to U+00FF, the JavaScript line separators, surrogate pairs, empty and long values, null
 * values left out, keys in order; and Gson reads the text back to the same map.
 */
public class SignalAttributesJsonTest {

    private final Gson gson = new Gson();

    @Test
    public void theTextIsGsonsOwnForEveryCharacterAndReadsBackTheSame() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c <= 0xff; c++) {
            every.append(c);
        }
        Map<String, String> tricky = new HashMap<>();
        tricky.put("every", every.toString());
        tricky.put("separators", "a\u2028b\u2029c");
        tricky.put("astral", "\uD83D\uDE00 and a lone \uD83D");
        tricky.put("", "empty key");
        tricky.put("empty value", "");
        tricky.put("html", "<script>alert('x&y=z')</script>");
        tricky.put("long", "x".repeat(10_000));
        tricky.put("zz last", "\"quoted\" \\ back\\slash");
        Random random = new Random(14);
        for (Map<String, String> attributes : List.of(tricky, Map.of("rule", "js/xss"), randomMap(random),
                randomMap(random), randomMap(random))) {
            String ours = AoDiscoveryRepository.attributesJson(attributes);
            assertEquals(gson.toJson(new TreeMap<>(attributes)), ours);
            assertEquals(new TreeMap<>(attributes), new TreeMap<>(gson.<Map<String, String>>fromJson(ours,
                    new TypeToken<Map<String, String>>() { }.getType())));
        }
    }

    @Test
    public void nullValuesAreLeftOutAsGsonLeavesThemOut() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("b", null);
        attributes.put("a", "kept");
        attributes.put("c", null);
        assertEquals(gson.toJson(new TreeMap<>(attributes)), AoDiscoveryRepository.attributesJson(attributes));
        assertEquals("{\"a\":\"kept\"}", AoDiscoveryRepository.attributesJson(attributes));
    }

    private static Map<String, String> randomMap(Random random) {
        Map<String, String> out = new HashMap<>();
        for (int i = random.nextInt(20); i >= 0; i--) {
            out.put(randomText(random), randomText(random));
        }
        return out;
    }

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            out.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x3000)));
        }
        return out.toString();
    }
}
