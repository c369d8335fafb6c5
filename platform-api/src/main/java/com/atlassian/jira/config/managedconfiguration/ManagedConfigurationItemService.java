package com.atlassian.jira.config.managedconfiguration;

// Mirror (compile-only, never packaged). UNVERIFIED on Jira 10/11: no public Jira 10 or 11 app calls Jira's managed
// configuration (searched: find_string "ManagedConfigurationItemService", "@ComponentImport
// ManagedConfigurationItemService", ".getManagedCustomField("; search over code and docs); Jira Software 11.2.0
// still takes the service in a constructor
// (docs.atlassian.com/jira-software/11.2.0/.../ManagedFieldRestrictorImpl.html). Best older evidence, Jira 8.13 apps
// that lock a field they created exactly as this app does: atlascommunity/jira-plugins-groovy@ef39c51 (pom.xml: Jira
// 8.13.1; impl/jql/JqlInitializer.java: getManagedCustomField, ManagedConfigurationItemBuilder.builder(item)
// .setManaged(true).setConfigurationItemAccessLevel(ConfigurationItemAccessLevel.LOCKED).build(),
// updateManagedConfigurationItem) and M-Whitaker/jira-agile-extended@9bd34eb (pom.xml: Jira 8.13.8;
// service/JAECustomFieldManager.java: the same, reading the ServiceOutcome's getErrorCollection()); Jira's own
// reference plugin sets setDescriptionI18nKey with a plugin's i18n key. See docs/adr/105.

import com.atlassian.jira.bc.ServiceOutcome;
import com.atlassian.jira.issue.fields.CustomField;

public interface ManagedConfigurationItemService {

    /** The field's registration (not managed when it never was). */
    ManagedConfigurationItem getManagedCustomField(CustomField customField);

    /** Registers the item as built; the outcome holds Jira's errors when it could not be stored. */
    ServiceOutcome<ManagedConfigurationItem> updateManagedConfigurationItem(ManagedConfigurationItem item);
}
