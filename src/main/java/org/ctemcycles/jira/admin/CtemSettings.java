package org.ctemcycles.jira.admin;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import jakarta.inject.Inject;
import org.ctemcycles.core.common.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The app's global settings, kept in Jira's plugin settings (shared by every node). Today: the Jira group whose
 * members are security leads, who may open and manage CTEM cycles without being Jira administrators.
 */
@Component
public class CtemSettings {

    public static final String DEFAULT_SECURITY_LEAD_GROUP = "ctem-security-leads";
    static final String SECURITY_LEAD_GROUP_KEY = "org.ctemcycles.ctem-cycles-jira.securityLeadGroup";
    private static final int MAX_GROUP_NAME_LENGTH = 255;

    private final PluginSettingsFactory settingsFactory;

    @Inject
    public CtemSettings(@ComponentImport PluginSettingsFactory settingsFactory) {
        this.settingsFactory = settingsFactory;
    }

    public String securityLeadGroup() {
        Object value = settings().get(SECURITY_LEAD_GROUP_KEY);
        return value instanceof String group && !group.isBlank() ? group : DEFAULT_SECURITY_LEAD_GROUP;
    }

    /** @throws InvalidInputException naming the field {@code securityLeadGroup} when the name is blank or too long */
    public void setSecurityLeadGroup(String group) {
        if (group == null || group.isBlank()) {
            throw new InvalidInputException("securityLeadGroup", "is required (the name of a Jira group)");
        }
        String trimmed = group.trim();
        if (trimmed.length() > MAX_GROUP_NAME_LENGTH) {
            throw new InvalidInputException("securityLeadGroup", "is " + trimmed.length()
                    + " characters long; at most " + MAX_GROUP_NAME_LENGTH + " are allowed");
        }
        settings().put(SECURITY_LEAD_GROUP_KEY, trimmed);
    }

    private PluginSettings settings() {
        return settingsFactory.createGlobalSettings();
    }
}
