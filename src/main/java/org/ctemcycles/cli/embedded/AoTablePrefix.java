package org.ctemcycles.cli.embedded;

import net.java.ao.atlassian.TablePrefix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The table prefix Jira's Active Objects gives an app: {@code AO_} and the last six hex digits of the MD5 of the
 * app's AO namespace (its bundle symbolic name, which is the plugin key), so that the standalone database has the
 * same table names as Jira's, e.g. {@code AO_2A3F9C_CYCLE}.
 */
public final class AoTablePrefix implements TablePrefix {

    private final String prefix;

    public AoTablePrefix(String namespace) {
        this.prefix = "AO_" + lastSixHexDigitsOfMd5(namespace) + "_";
    }

    public String value() {
        return prefix;
    }

    @Override
    public String prepend(String tableName) {
        return prefix + tableName;
    }

    private static String lastSixHexDigitsOfMd5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return hex.substring(hex.length() - 6).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
