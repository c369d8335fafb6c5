package org.ctemcycles.report.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * The app's words for templates the app renders itself ({@code $i18n} in the evidence pack and the project page):
 * Jira's translations inside Jira (the caller hands in Jira's lookup), the English bundle
 * ({@value #BUNDLE}) on the command line. Arguments fill {0}, {1} as Jira's i18n does. A key the bundle lacks comes
 * back as the key itself, as Jira shows it, and tests fail on it.
 */
public final class Messages {

    /** The i18n bundle the descriptor names, on the class path. */
    public static final String BUNDLE = "/i18n/ctem-cycles.properties";

    private final Function<String, String> lookup;

    public Messages(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The English bundle from the class path. */
    public static Messages english() {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is not on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Messages(key -> properties.getProperty(key, key));
    }

    public String getText(String key) {
        return format(key);
    }

    public String getText(String key, String argument) {
        return format(key, argument);
    }

    public String getText(String key, String first, String second) {
        return format(key, first, second);
    }

    private String format(String key, Object... arguments) {
        String pattern = lookup.apply(key);
        if (pattern == null) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}
