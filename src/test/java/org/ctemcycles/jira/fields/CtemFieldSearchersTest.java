package org.ctemcycles.jira.fields;

import org.ctemcycles.testing.Descriptor;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Every CTEM field is created with a searcher that Jira will accept for its type, as atlassian-plugin.xml declares
 * the pair: the app's text searcher lists the field's type ({@code valid-customfield-type}); the rank's and score's
 * types name Jira's own number range searcher and the deadline's Jira's date range searcher ({@code valid-searcher},
 * the system plugin's {@code numberrange} and {@code daterange}), so {@code "CTEM Rank" <= 20} and
 * {@code "CTEM Deadline" < now()} are answered by Jira's searchers (docs/adr/104).
 */
public class CtemFieldSearchersTest {

    private static final String PLUGIN_PACKAGE = "${atlassian.plugin.key}";

    private final Descriptor descriptor = Descriptor.load();

    private Element module(String tag, String key) {
        return descriptor.elements(tag).stream().filter(e -> key.equals(e.getAttribute("key"))).findFirst()
                .orElse(null);
    }

    /** The "package:key" pairs of a module's children of this tag, the plugin key placeholder resolved. */
    private static Set<String> pairs(Element module, String childTag) {
        Set<String> pairs = new HashSet<>();
        NodeList children = module.getElementsByTagName(childTag);
        for (int i = 0; i < children.getLength(); i++) {
            Element child = (Element) children.item(i);
            String pkg = child.getAttribute("package").replace(PLUGIN_PACKAGE, CtemFields.PLUGIN_KEY);
            pairs.add(pkg + ":" + child.getAttribute("key"));
        }
        return pairs;
    }

    @Test
    public void eachFieldsSearcherIsValidForItsTypeInTheDescriptor() {
        for (CtemField field : CtemField.values()) {
            Element type = module("customfield-type", field.moduleKey());
            assertNotNull(field + " has its customfield-type module", type);
            String searcher = field.kind().searcherKey();
            assertNotNull(field + " is created with a searcher", searcher);
            if (searcher.startsWith(CtemFields.PLUGIN_KEY + ":")) {
                Element own = module("customfield-searcher", searcher.substring(CtemFields.PLUGIN_KEY.length() + 1));
                assertNotNull(searcher + " is a module of the app", own);
                assertTrue(field + " is listed by " + searcher, pairs(own, "valid-customfield-type")
                        .contains(CtemFields.typeKey(field)));
                assertEquals(field + " names no second searcher", Set.of(), pairs(type, "valid-searcher"));
            } else {
                assertEquals(field + " names Jira's searcher it is created with", Set.of(searcher),
                        pairs(type, "valid-searcher"));
            }
        }
    }

    @Test
    public void rankAndScoreAreSearchedByJirasNumberRangeSearcherAndTheDeadlineByItsDateRangeSearcher() {
        assertEquals("com.atlassian.jira.plugin.system.customfieldtypes:daterange",
                CtemField.DEADLINE.kind().searcherKey());
        assertEquals("com.atlassian.jira.plugin.system.customfieldtypes:numberrange",
                CtemField.RANK.kind().searcherKey());
        assertEquals(List.of(CtemField.DEADLINE), List.of(CtemField.values()).stream()
                .filter(f -> f.kind() == CtemField.Kind.DATE).toList());
        assertEquals(List.of(CtemField.RANK, CtemField.SCORE), List.of(CtemField.values()).stream()
                .filter(f -> f.kind() == CtemField.Kind.NUMBER).toList());
        // the app declares no number or date searcher of its own: Jira's are used as Jira constructs them
        assertEquals(List.of("org.ctemcycles.jira.fields.CtemTextSearcher"), descriptor.elements("customfield-searcher")
                .stream().map(e -> e.getAttribute("class")).toList());
    }
}
