package org.ctemcycles.jira.security;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import jakarta.inject.Inject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The app's global settings, kept in Jira's plugin settings (shared by every node, read on every use: nothing is
 * cached on a node). The roles of {@link CtemPermissions} come from here: the Jira groups whose members are security
 * leads, the project role that makes its members security leads of the cycles of that project, and the Jira groups
 * whose members are auditors.
 */
@Component
public class CtemSettings {

    public static final String DEFAULT_SECURITY_LEAD_GROUP = "ctem-security-leads";
    public static final String DEFAULT_AUDITOR_GROUP = "ctem-auditors";
    private static final String PREFIX = "org.ctemcycles.ctem-cycles-jira.";
    /** One group a line; before the app knew several, a single group under {@link #OLD_SECURITY_LEAD_GROUP_KEY}. */
    static final String SECURITY_LEAD_GROUPS_KEY = PREFIX + "securityLeadGroups";
    static final String OLD_SECURITY_LEAD_GROUP_KEY = PREFIX + "securityLeadGroup";
    static final String SECURITY_LEAD_ROLE_KEY = PREFIX + "securityLeadRole";
    static final String AUDITOR_GROUPS_KEY = PREFIX + "auditorGroups";
    /** The hosts scheduled discovery sources may fetch from, one a line (none: no https source may be added). */
    static final String SOURCE_HOSTS_KEY = PREFIX + "sourceHosts";
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_GROUPS = 20;

    private final PluginSettingsFactory settingsFactory;

    @Inject
    public CtemSettings(@ComponentImport PluginSettingsFactory settingsFactory) {
        this.settingsFactory = settingsFactory;
    }

    /** The groups whose members are security leads of every cycle; never empty. */
    public List<String> securityLeadGroups() {
        List<String> groups = lines(SECURITY_LEAD_GROUPS_KEY);
        if (!groups.isEmpty()) {
            return groups;
        }
        Object old = settings().get(OLD_SECURITY_LEAD_GROUP_KEY);
        return List.of(old instanceof String group && !group.isBlank() ? group.trim() : DEFAULT_SECURITY_LEAD_GROUP);
    }

    /** The first security-lead group (the admin page edits one). */
    public String securityLeadGroup() {
        return securityLeadGroups().get(0);
    }

    /** @throws InvalidInputException naming the field {@code securityLeadGroup} when the name is blank or too long */
    public void setSecurityLeadGroup(String group) {
        setSecurityLeadGroups(group == null ? List.of() : List.of(group));
    }

    /** @throws InvalidInputException naming {@code securityLeadGroup} when no group is given or one is malformed */
    public void setSecurityLeadGroups(List<String> groups) {
        put(SECURITY_LEAD_GROUPS_KEY, names("securityLeadGroup", groups, true));
    }

    /** The project role whose members lead the cycles of their project, or "" when none is configured. */
    public String securityLeadRole() {
        Object value = settings().get(SECURITY_LEAD_ROLE_KEY);
        return value instanceof String role ? role.trim() : "";
    }

    /** @throws InvalidInputException naming {@code securityLeadRole} when the name is too long; blank clears it */
    public void setSecurityLeadRole(String role) {
        List<String> names = names("securityLeadRole", role == null ? List.of() : List.of(role), false);
        settings().put(SECURITY_LEAD_ROLE_KEY, names.isEmpty() ? "" : names.get(0));
    }

    /** The groups whose members are auditors: they read every cycle and change nothing. */
    public List<String> auditorGroups() {
        Object value = settings().get(AUDITOR_GROUPS_KEY);
        return value == null ? List.of(DEFAULT_AUDITOR_GROUP) : lines(AUDITOR_GROUPS_KEY);
    }

    /** @throws InvalidInputException naming {@code auditorGroups} when a name is malformed; empty means no auditors */
    public void setAuditorGroups(List<String> groups) {
        put(AUDITOR_GROUPS_KEY, names("auditorGroups", groups, false));
    }

    /** The host names an administrator allowed scheduled discovery sources to fetch from, lower case. */
    public List<String> sourceHosts() {
        return lines(SOURCE_HOSTS_KEY);
    }

    /**
     * @throws InvalidInputException naming {@code hosts} when an entry is not a host name (a URL, a port, a path or
     *                               a wildcard is refused: the list is of exact names); empty allows none
     */
    public void setSourceHosts(List<String> hosts) {
        storeSourceHosts(checkSourceHosts(hosts));
    }

    /** Stores hosts checked by {@link #checkSourceHosts}. */
    public void storeSourceHosts(List<String> checked) {
        put(SOURCE_HOSTS_KEY, checked);
    }

    /**
     * The hosts as they would be stored (lower case, trimmed, blank lines and repeats dropped), storing nothing.
     *
     * @throws InvalidInputException naming {@code hosts} for each entry that is not a host name, with its place
     *                               ("entry 2")
     */
    public List<String> checkSourceHosts(List<String> hosts) {
        return checkSourceHosts(hosts, "entry");
    }

    /**
     * As {@link #checkSourceHosts(List)}, each refused entry named by {@code place} and its number from 1 among
     * those given (blank ones counted): "line" when the hosts are the lines of a text.
     */
    public List<String> checkSourceHosts(List<String> hosts, String place) {
        List<String> names = names("hosts", hosts, false).stream().map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .distinct().toList();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String given = hosts.get(i) == null ? "" : hosts.get(i).trim();
            if (!given.isEmpty() && !given.toLowerCase(java.util.Locale.ROOT)
                    .matches("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)*")) {
                problems.add(new Problem("hosts", place + " " + (i + 1) + ": '" + given + "' is not a host name"
                        + " (give names like ci.example.com, without scheme, port, path or wildcard)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return names;
    }

    /**
     * Who holds which role: the security-lead groups (never empty), the lead project role ("" for none) and the
     * auditor groups (possibly none), as stored or as checked for storing.
     */
    public record Roles(List<String> securityLeadGroups, String securityLeadRole, List<String> auditorGroups) {

        public Roles {
            securityLeadGroups = List.copyOf(securityLeadGroups);
            securityLeadRole = securityLeadRole == null ? "" : securityLeadRole;
            auditorGroups = List.copyOf(auditorGroups);
        }

        /** The roles as named fields (a list one name a line), for the configuration's log. */
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("securityLeadGroups", String.join("\n", securityLeadGroups));
            fields.put("securityLeadRole", securityLeadRole);
            fields.put("auditorGroups", String.join("\n", auditorGroups));
            return fields;
        }
    }

    /** The roles as stored now. */
    public Roles roles() {
        return new Roles(securityLeadGroups(), securityLeadRole(), auditorGroups());
    }

    /**
     * Changes every role setting at once, or none: the lead groups (at least one), the lead project role (blank for
     * none) and the auditor groups (possibly none).
     *
     * @throws InvalidInputException listing every problem, each naming its field
     */
    public void update(List<String> securityLeadGroups, String securityLeadRole, List<String> auditorGroups) {
        store(checkRoles(securityLeadGroups, securityLeadRole, auditorGroups));
    }

    /**
     * The roles as they would be stored (names trimmed, blank lines and repeats dropped), storing nothing.
     *
     * @throws InvalidInputException listing every problem, each naming its field
     */
    public Roles checkRoles(List<String> securityLeadGroups, String securityLeadRole, List<String> auditorGroups) {
        List<Problem> problems = new ArrayList<>();
        List<String> leads = collect(problems, () -> names("securityLeadGroups", securityLeadGroups, true));
        List<String> role = collect(problems, () -> names("securityLeadRole",
                securityLeadRole == null ? List.of() : List.of(securityLeadRole), false));
        List<String> auditors = collect(problems, () -> names("auditorGroups", auditorGroups, false));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Roles(leads, role.isEmpty() ? "" : role.get(0), auditors);
    }

    /** Stores roles checked by {@link #checkRoles}. */
    public void store(Roles roles) {
        put(SECURITY_LEAD_GROUPS_KEY, roles.securityLeadGroups());
        settings().put(SECURITY_LEAD_ROLE_KEY, roles.securityLeadRole());
        put(AUDITOR_GROUPS_KEY, roles.auditorGroups());
    }

    private static List<String> collect(List<Problem> problems, Supplier<List<String>> names) {
        try {
            return names.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return List.of();
        }
    }

    private List<String> lines(String key) {
        Object value = settings().get(key);
        if (!(value instanceof String text)) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private void put(String key, List<String> names) {
        settings().put(key, String.join("\n", names));
    }

    /** Trimmed, distinct names; every problem names {@code field}. */
    private static List<String> names(String field, List<String> raw, boolean required) {
        Set<String> names = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (String name : raw) {
            String trimmed = name == null ? "" : name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > MAX_NAME_LENGTH || trimmed.contains("\n")) {
                problems.add(new Problem(field, "'" + trimmed.substring(0, Math.min(trimmed.length(), 40))
                        + "...' is not a Jira name: at most " + MAX_NAME_LENGTH + " characters on one line"));
            } else {
                names.add(trimmed);
            }
        }
        if (required && names.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(field, "is required (the name of a Jira group)"));
        }
        if (names.size() > MAX_GROUPS) {
            problems.add(new Problem(field, names.size() + " names given; at most " + MAX_GROUPS + " are allowed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(names);
    }

    private PluginSettings settings() {
        return settingsFactory.createGlobalSettings();
    }
}
