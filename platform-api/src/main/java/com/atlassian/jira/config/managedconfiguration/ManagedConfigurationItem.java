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
// A value holder as in Jira (built by ManagedConfigurationItemBuilder), so that a test double of the service can
// keep items. Only the members this app and its tests use.

public class ManagedConfigurationItem {

    private final String itemId;
    private final boolean managed;
    private final ConfigurationItemAccessLevel configurationItemAccessLevel;
    private final String descriptionI18nKey;

    ManagedConfigurationItem(String itemId, boolean managed, ConfigurationItemAccessLevel configurationItemAccessLevel,
                             String descriptionI18nKey) {
        this.itemId = itemId;
        this.managed = managed;
        this.configurationItemAccessLevel = configurationItemAccessLevel;
        this.descriptionI18nKey = descriptionI18nKey;
    }

    /** The managed item's id (a custom field's "customfield_NNNNN"). */
    public String getItemId() {
        return itemId;
    }

    public boolean isManaged() {
        return managed;
    }

    public ConfigurationItemAccessLevel getConfigurationItemAccessLevel() {
        return configurationItemAccessLevel;
    }

    public String getDescriptionI18nKey() {
        return descriptionI18nKey;
    }

    public ManagedConfigurationItemBuilder newBuilder() {
        return ManagedConfigurationItemBuilder.builder(this);
    }
}
