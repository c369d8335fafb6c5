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
// A working builder as in Jira (an item's copy with the changes; ADMIN when no level is set), so that a test double
// of the service can build items. Only the members this app and its tests use.

public class ManagedConfigurationItemBuilder {

    private String itemId;
    private boolean managed;
    private ConfigurationItemAccessLevel configurationItemAccessLevel;
    private String descriptionI18nKey;

    public static ManagedConfigurationItemBuilder builder(ManagedConfigurationItem item) {
        ManagedConfigurationItemBuilder builder = new ManagedConfigurationItemBuilder();
        builder.itemId = item.getItemId();
        builder.managed = item.isManaged();
        builder.configurationItemAccessLevel = item.getConfigurationItemAccessLevel();
        builder.descriptionI18nKey = item.getDescriptionI18nKey();
        return builder;
    }

    public ManagedConfigurationItemBuilder setItemId(String itemId) {
        this.itemId = itemId;
        return this;
    }

    public ManagedConfigurationItemBuilder setManaged(boolean managed) {
        this.managed = managed;
        return this;
    }

    public ManagedConfigurationItemBuilder setConfigurationItemAccessLevel(ConfigurationItemAccessLevel level) {
        this.configurationItemAccessLevel = level;
        return this;
    }

    public ManagedConfigurationItemBuilder setDescriptionI18nKey(String descriptionI18nKey) {
        this.descriptionI18nKey = descriptionI18nKey;
        return this;
    }

    public ManagedConfigurationItem build() {
        ConfigurationItemAccessLevel level = configurationItemAccessLevel == null ? ConfigurationItemAccessLevel.ADMIN
                : configurationItemAccessLevel;
        return new ManagedConfigurationItem(itemId, managed, level, descriptionI18nKey);
    }
}
