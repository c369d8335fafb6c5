package org.ctemcycles.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/** Stands in for Jira's {@code $i18n} in templates, backed by the app's real i18n file; a missing key fails. */
public final class PropertiesI18n {

    private final Properties properties = new Properties();

    public PropertiesI18n() {
        try (InputStream in = getClass().getResourceAsStream("/i18n/ctem-cycles.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getText(String key) {
        String text = properties.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("i18n key missing from i18n/ctem-cycles.properties: " + key);
        }
        return text;
    }

    /** With arguments, formatted as Jira formats them ({@link MessageFormat}), e.g. "{0} days left". */
    public String getText(String key, String value1) {
        return MessageFormat.format(getText(key), value1);
    }

    public String getText(String key, String value1, String value2) {
        return MessageFormat.format(getText(key), value1, value2);
    }

    public String getText(String key, String value1, String value2, String value3) {
        return MessageFormat.format(getText(key), value1, value2, value3);
    }

    public Properties properties() {
        return properties;
    }
}
