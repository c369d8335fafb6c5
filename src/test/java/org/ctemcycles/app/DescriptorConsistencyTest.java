package org.ctemcycles.app;

import com.atlassian.jira.web.action.JiraWebActionSupport;
import org.ctemcycles.cli.html.HtmlPackWriter;
import org.ctemcycles.cli.html.VelocityAllowlist;
import org.ctemcycles.jira.admin.CyclesPageCondition;
import org.ctemcycles.report.view.EvidencePackView;
import org.ctemcycles.report.view.PrioritisationPanelView;
import org.ctemcycles.report.view.Messages;
import org.ctemcycles.store.StoreEntities;
import org.ctemcycles.testing.Descriptor;
import org.ctemcycles.testing.PropertiesI18n;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * No Jira runs here, so these checks stand in for Jira loading the descriptor: everything atlassian-plugin.xml names
 * exists, module keys are unique, and every method a template calls on the app's objects is on the allowlist.
 */
public class DescriptorConsistencyTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    /** $i18n.getText("key") and $i18n.getText("key", arguments...) */
    private static final Pattern I18N_CALL = Pattern.compile("\\$i18n\\.getText\\(\"([^\"]+)\"[,)]");
    /**
     * A reference chain: $root, then one or more .name or .name(...) segments; a call's arguments may hold one level
     * of calls of their own ($i18n.getText("k", "$list.size()")).
     */
    private static final Pattern REFERENCE = Pattern.compile("\\$!?\\{?(\\w+)((?:\\.\\w+(?:\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))?)+)");
    private static final Pattern SEGMENT = Pattern.compile("\\.(\\w+)(\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))?");
    /** #foreach ($x in $chain) and #set ($x = $chain) */
    private static final Pattern DEFINITION = Pattern.compile(
            "#(foreach|set)\\s*\\(\\s*\\$(\\w+)\\s+(?:in|=)\\s+(\\$!?\\{?\\w+(?:\\.\\w+(?:\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))?)+\\}?)\\s*\\)");

    /**
     * Views that are Jira's own pages, not the app's: Jira maps an action's {@code permissionviolation} result to
     * this page in its own actions.xml (Jira 6 source in turgaycelik/mysource), and a Jira 11 app names a sibling page
     * the same way (atlassian-slack-integration-server@94c50dc: /secure/views/securitybreach.jsp).
     */
    private static final Set<String> JIRA_VIEWS = Set.of("/secure/views/permissionviolation.jsp");

    private final Descriptor descriptor = Descriptor.load();
    private final PropertiesI18n i18n = new PropertiesI18n();

    @Test
    public void pluginKeyAndVersionComeFromThePom() {
        assertEquals("${atlassian.plugin.key}", descriptor.root().getAttribute("key"));
        assertEquals("${project.version}", descriptor.texts("version").get(0));
    }

    @Test
    public void moduleKeysAreUnique() {
        List<String> keys = new ArrayList<>();
        for (Node n = descriptor.root().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element module && module.hasAttribute("key")) {
                keys.add(module.getAttribute("key"));
            }
        }
        assertEquals(keys.toString(), keys.size(), new HashSet<>(keys).size());
        assertTrue(keys.containsAll(List.of("ctem-active-objects", "ctem-rest", "ctem-webwork", "ctem-admin-section",
                "ctem-cycles-link", "ctem-admin-resources", "ctem-velocity-allowlist")));
    }

    @Test
    public void everyNamedClassExists() throws Exception {
        List<String> classes = new ArrayList<>();
        descriptor.elements("action").forEach(e -> classes.add(e.getAttribute("name")));
        classes.addAll(descriptor.texts("entity"));
        for (String tag : List.of("context-provider", "condition", "component", "customfield-type", "jql-function",
                "web-panel", "servlet", "job")) {
            descriptor.elements(tag).stream().filter(e -> e.hasAttribute("class"))
                    .forEach(e -> classes.add(e.getAttribute("class")));
        }
        assertTrue(classes.contains("org.ctemcycles.jira.admin.CycleAdminAction"));
        for (String name : classes) {
            Class.forName(name, false, getClass().getClassLoader());
        }
    }

    @Test
    public void aoModuleListsExactlyTheStoreEntities() {
        Set<String> listed = new HashSet<>(descriptor.texts("entity"));
        assertEquals(StoreEntities.ALL.stream().map(Class::getName).collect(Collectors.toSet()), listed);
    }

    @Test
    public void restPackageHoldsResources() throws Exception {
        String restPackage = descriptor.texts("package").get(0);
        Class<?> resource = Class.forName(restPackage + ".CycleResource");
        assertTrue(resource.isAnnotationPresent(jakarta.ws.rs.Path.class));
    }

    @Test
    public void everyResourceTemplateAndViewExists() {
        List<String> locations = new ArrayList<>();
        descriptor.elements("resource").forEach(e -> locations.add(
                e.getAttribute("type").equals("i18n") ? e.getAttribute("location").replace('.', '/') + ".properties"
                        : e.getAttribute("location")));
        descriptor.texts("view").stream().filter(v -> !JIRA_VIEWS.contains(v)).forEach(v -> locations.add(v.substring(1)));
        assertTrue(locations.contains("templates/admin/cycles.vm"));
        for (String location : locations) {
            assertTrue(location + " named in atlassian-plugin.xml is missing", Files.exists(RESOURCES.resolve(location)));
        }
    }

    @Test
    public void everyLabelKeyAndTemplateTextExistsInTheI18nFile() throws IOException {
        List<String> keys = new ArrayList<>();
        for (String tag : List.of("label", "description", "tooltip")) {
            descriptor.elements(tag).stream().filter(e -> e.hasAttribute("key")).forEach(e -> keys.add(e.getAttribute("key")));
        }
        for (Path template : templates()) {
            Matcher m = I18N_CALL.matcher(Files.readString(template, StandardCharsets.UTF_8));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        assertTrue(keys.size() > 20);
        for (String key : keys) {
            i18n.getText(key);
        }
    }

    @Test
    public void webItemsSitInDeclaredSectionsAndPagesNameThem() throws IOException {
        Set<String> sections = descriptor.elements("web-section").stream()
                .map(e -> e.getAttribute("location") + "/" + e.getAttribute("key")).collect(Collectors.toSet());
        for (Element item : descriptor.elements("web-item")) {
            String section = item.getAttribute("section");
            assertTrue(section, sections.contains(section) || !section.startsWith("admin_plugins_menu/"));
        }
        String page = Files.readString(RESOURCES.resolve("templates/admin/cycles.vm"));
        assertTrue(page.contains("content=\"admin_plugins_menu/ctem-admin-section\""));
        assertTrue(page.contains("content=\"ctem-cycles-link\""));
        Set<String> webResources = descriptor.elements("web-resource").stream().map(e -> e.getAttribute("key"))
                .collect(Collectors.toSet());
        Matcher required = Pattern.compile("requireResource\\(\"[^:]+:([^\"]+)\"\\)").matcher(page);
        while (required.find()) {
            assertTrue(required.group(1), webResources.contains(required.group(1)));
        }
    }

    /**
     * The cycles page serves security leads who are not Jira administrators: any licensed user reaches the action
     * (it checks the roles itself), a link outside Jira administration shows it to those the condition admits, and
     * the action has a view for the permission page it returns to everyone else.
     */
    @Test
    public void theCyclesPageIsReachableWithoutBeingAJiraAdministrator() {
        Element action = descriptor.elements("action").stream()
                .filter(e -> e.getAttribute("alias").equals("CtemCycles")).findFirst().orElseThrow();
        assertEquals("use", action.getAttribute("roles-required"));
        Map<String, String> views = new HashMap<>();
        for (int i = 0; i < action.getElementsByTagName("view").getLength(); i++) {
            Element view = (Element) action.getElementsByTagName("view").item(i);
            views.put(view.getAttribute("name"), view.getTextContent().trim());
        }
        assertEquals(Map.of("input", "/templates/admin/cycles.vm",
                JiraWebActionSupport.PERMISSION_VIOLATION_RESULT, "/secure/views/permissionviolation.jsp"), views);
        Element topLink = descriptor.elements("web-item").stream()
                .filter(e -> e.getAttribute("section").equals("system.top.navigation.bar")).findFirst().orElseThrow();
        assertEquals("/secure/CtemCycles!default.jspa", topLink.getElementsByTagName("link").item(0).getTextContent());
        assertEquals(CyclesPageCondition.class.getName(),
                ((Element) topLink.getElementsByTagName("condition").item(0)).getAttribute("class"));
    }

    @Test
    public void everyAllowlistEntryIsAPublicMethodOfTheApp() throws Exception {
        Set<String> allowlist = descriptor.allowlist();
        assertTrue(allowlist.size() > 10);
        for (String entry : allowlist) {
            Matcher m = Pattern.compile("([\\w.$]+)#(\\w+)\\(([\\w.,$]*)\\)").matcher(entry);
            assertTrue("malformed entry " + entry, m.matches());
            Class<?> type = Class.forName(m.group(1));
            List<Class<?>> parameters = new ArrayList<>();
            for (String p : m.group(3).isEmpty() ? new String[0] : m.group(3).split(",")) {
                parameters.add(Class.forName(p));
            }
            Method method = type.getDeclaredMethod(m.group(2), parameters.toArray(new Class<?>[0]));
            assertTrue(entry + " is not public", Modifier.isPublic(method.getModifiers()));
        }
    }

    /** Every template is checked below: those a webwork action renders, and those the app renders itself. */
    @Test
    public void everyTemplateHasItsRootVariablesKnown() throws Exception {
        Set<String> known = templateRoots().keySet();
        for (Path template : templates()) {
            String name = RESOURCES.relativize(template).toString().replace('\\', '/');
            assertTrue(name + " is neither a view of an action nor listed in templateRoots()", known.contains(name));
        }
    }

    /**
     * Every method a template calls on the app's objects, along whole reference chains ($pack.scoping.surfaces) and
     * through the variables #foreach and #set introduce, exists and is on the allowlist.
     */
    @Test
    public void everyMethodATemplateCallsIsOnTheAllowlist() throws Exception {
        Set<String> allowlist = descriptor.allowlist();
        for (Map.Entry<String, Map<String, Class<?>>> template : templateRoots().entrySet()) {
            String text = withoutComments(Files.readString(RESOURCES.resolve(template.getKey()), StandardCharsets.UTF_8));
            Map<String, Class<?>> variables = variables(text, template.getValue());
            int checked = 0;
            Matcher reference = REFERENCE.matcher(text);
            int from = 0;
            while (reference.find(from)) {
                from = reference.start() + 1; // then the references inside this one's arguments

                Class<?> type = variables.get(reference.group(1));
                Matcher segment = SEGMENT.matcher(reference.group(2));
                while (type != null && segment.find()) {
                    Method method = resolve(type, segment.group(1), segment.group(2) != null);
                    if (method == null) {
                        break; // a method of Jira's or the JDK's objects that this check cannot see (a Map key, say)
                    }
                    Class<?> owner = method.getDeclaringClass();
                    if (owner.getName().startsWith("org.ctemcycles.")) {
                        String entry = VelocityAllowlist.entry(owner, method);
                        assertTrue(template.getKey() + " calls " + entry + ", which is not on the allowlist",
                                allowlist.contains(entry));
                        checked++;
                    }
                    type = method.getReturnType();
                }
            }
            assertTrue(template.getKey() + ": checked " + checked, checked >= 5); // the parser finds the calls
        }
    }

    /** The allowlist the ctem command enforces (read from the class path) is the descriptor's. */
    @Test
    public void theCommandEnforcesTheDescriptorsAllowlist() {
        assertEquals(descriptor.allowlist(), VelocityAllowlist.fromClasspath(getClass().getClassLoader()).entries());
    }

    /** For each template, the classes behind the variables its renderer puts in the context. */
    private Map<String, Map<String, Class<?>>> templateRoots() throws ClassNotFoundException {
        Map<String, Map<String, Class<?>>> roots = new HashMap<>();
        for (Element action : descriptor.elements("action")) {
            Class<?> type = Class.forName(action.getAttribute("name"));
            for (int i = 0; i < action.getElementsByTagName("view").getLength(); i++) {
                String view = action.getElementsByTagName("view").item(i).getTextContent().trim();
                if (!JIRA_VIEWS.contains(view)) {
                    roots.put(view.substring(1), Map.of("action", type));
                }
            }
        }
        // web panels: the context provider's values (PrioritisationPanelContextProvider)
        roots.put("templates/panel/prioritisation.vm", Map.of("panel", PrioritisationPanelView.class));
        roots.put(HtmlPackWriter.TEMPLATE, Map.of("pack", EvidencePackView.class, "i18n", Messages.class));
        return roots;
    }

    /** The roots plus every variable a #foreach (the element type of a List or Iterable) or #set gives a type. */
    private static Map<String, Class<?>> variables(String template, Map<String, Class<?>> roots) throws Exception {
        Map<String, Class<?>> variables = new HashMap<>(roots);
        int before;
        do { // a definition may use a variable defined by another, so repeat until nothing new turns up
            before = variables.size();
            Matcher definition = DEFINITION.matcher(template);
            while (definition.find()) {
                Method last = lastMethod(variables, definition.group(3));
                if (last == null) {
                    continue;
                }
                if (definition.group(1).equals("set")) {
                    variables.put(definition.group(2), last.getReturnType());
                } else if (last.getGenericReturnType() instanceof ParameterizedType iterable
                        && iterable.getActualTypeArguments()[0] instanceof Class<?> element) {
                    variables.put(definition.group(2), element);
                }
            }
        } while (variables.size() > before);
        return variables;
    }

    /** The method the last segment of a reference chain calls, or null when the chain's root is not known. */
    private static Method lastMethod(Map<String, Class<?>> variables, String chain) throws NoSuchMethodException {
        Matcher reference = REFERENCE.matcher(chain);
        if (!reference.matches() || !variables.containsKey(reference.group(1))) {
            return null;
        }
        Class<?> type = variables.get(reference.group(1));
        Method method = null;
        Matcher segment = SEGMENT.matcher(reference.group(2));
        while (segment.find()) {
            method = resolve(type, segment.group(1), segment.group(2) != null);
            if (method == null) {
                return null;
            }
            type = method.getReturnType();
        }
        return method;
    }

    /** The method $x.name (a getter) or $x.name(...) calls on type; null for types outside the app it cannot find. */
    private static Method resolve(Class<?> type, String name, boolean call) throws NoSuchMethodException {
        try {
            return call ? byName(type, name) : getter(type, name);
        } catch (NoSuchMethodException e) {
            if (type.getName().startsWith("org.ctemcycles.")) {
                throw e;
            }
            return null;
        }
    }

    private static String withoutComments(String template) {
        return template.replaceAll("(?m)^\\s*##.*$", "");
    }

    private static Method getter(Class<?> type, String property) throws NoSuchMethodException {
        String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : List.of("get" + capitalised, "is" + capitalised)) {
            try {
                return type.getMethod(name);
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        throw new NoSuchMethodException(type.getName() + " has no getter for $" + property);
    }

    private static Method byName(Class<?> type, String name) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getName() + "#" + name);
    }

    private static List<Path> templates() throws IOException {
        try (var files = Files.walk(RESOURCES.resolve("templates"))) {
            return files.filter(p -> p.toString().endsWith(".vm")).toList();
        }
    }
}
