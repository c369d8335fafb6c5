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
 * the pair: the app's number and text searchers list the field's type ({@code valid-customfield-type}); the
 * deadline's type names Jira's own date range searcher ({@code valid-searcher}, the system plugin's
 * {@code daterange}), so {@code "CTEM Deadline" < now()} is answered by Jira's date searcher (docs/adr/104).
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
    public void theDeadlineIsSearchedByJirasDateRangeSearcherAndNoOtherFieldIs() {
        assertEquals("com.atlassian.jira.plugin.system.customfieldtypes:daterange",
                CtemField.DEADLINE.kind().searcherKey());
        List<CtemField> dates = List.of(CtemField.values()).stream()
                .filter(f -> f.kind() == CtemField.Kind.DATE).toList();
        assertEquals(List.of(CtemField.DEADLINE), dates);
        // the app declares no date searcher module of its own: Jira's is used as Jira constructs it
        assertTrue(descriptor.elements("customfield-searcher").stream()
                .noneMatch(e -> e.getAttribute("class").contains("Date")));
    }
}
