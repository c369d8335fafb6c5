package org.ctemcycles.testing;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * Stands in for Jira's {@code $i18n} in templates (and SAL's {@link I18nResolver}), backed by the app's real i18n
 * file; arguments fill {0} and {1} as Jira's do; a missing key fails.
 */
public final class PropertiesI18n implements I18nResolver {

    private final Properties properties = new Properties();

    public PropertiesI18n() {
        try (InputStream in = getClass().getResourceAsStream("/i18n/ctem-cycles.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getText(String key) {
        String text = properties.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("i18n key missing from i18n/ctem-cycles.properties: " + key);
        }
        return text;
    }

    @Override
    public String getText(String key, java.io.Serializable... arguments) {
        return new MessageFormat(getText(key), Locale.ROOT).format(arguments);
    }

    public String getText(String key, String argument) {
        return new MessageFormat(getText(key), Locale.ROOT).format(new Object[]{argument});
    }

    public String getText(String key, String first, String second) {
        return new MessageFormat(getText(key), Locale.ROOT).format(new Object[]{first, second});
    }

    public String getText(String key, String first, String second, String third) {
        return new MessageFormat(getText(key), Locale.ROOT).format(new Object[]{first, second, third});
    }

    public Properties properties() {
        return properties;
    }
}
