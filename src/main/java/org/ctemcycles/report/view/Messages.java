package org.ctemcycles.report.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The app's words for templates the app renders itself ({@code $i18n} in the evidence pack): Jira's translations
 * inside Jira (the caller hands in SAL's {@code I18nResolver#getText(String, Serializable...)}, which fills the
 * arguments itself), the English bundle ({@value #BUNDLE}) on the command line, formatted as Jira formats them
 * ({0}, {1}). A key the bundle lacks comes back as the key itself, as Jira shows it, and tests fail on it.
 */
public final class Messages {

    /** The i18n bundle the descriptor names, on the class path. */
    public static final String BUNDLE = "/i18n/ctem-cycles.properties";

    /** Looks a key up and fills its arguments in. */
    public interface Lookup {
        String text(String key, Serializable... arguments);
    }

    private final Lookup lookup;

    public Messages(Lookup lookup) {
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
        return new Messages((key, arguments) -> {
            String pattern = properties.getProperty(key);
            if (pattern == null) {
                return key;
            }
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
        });
    }

    public String getText(String key) {
        return lookup.text(key);
    }

    public String getText(String key, String argument) {
        return lookup.text(key, argument);
    }

    public String getText(String key, String first, String second) {
        return lookup.text(key, first, second);
    }
}
