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
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * Changes every role setting at once, or none: the lead groups (at least one), the lead project role (blank for
     * none) and the auditor groups (possibly none).
     *
     * @throws InvalidInputException listing every problem, each naming its field
     */
    public void update(List<String> securityLeadGroups, String securityLeadRole, List<String> auditorGroups) {
        List<Problem> problems = new ArrayList<>();
        List<String> leads = collect(problems, () -> names("securityLeadGroups", securityLeadGroups, true));
        List<String> role = collect(problems, () -> names("securityLeadRole",
                securityLeadRole == null ? List.of() : List.of(securityLeadRole), false));
        List<String> auditors = collect(problems, () -> names("auditorGroups", auditorGroups, false));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        put(SECURITY_LEAD_GROUPS_KEY, leads);
        settings().put(SECURITY_LEAD_ROLE_KEY, role.isEmpty() ? "" : role.get(0));
        put(AUDITOR_GROUPS_KEY, auditors);
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
