package org.ctemcycles.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --help} for every command and subcommand: the usage entries of {@link Ctem#usage()} whose command words
 * begin with the words asked about, so {@code ctem cycle --help} prints every {@code ctem cycle ...} entry and
 * {@code ctem log verify --help} the one for {@code ctem log verify}. The entries are read from the one usage text,
 * so a command's help can never disagree with {@code ctem --help}.
 */
final class Help {

    private final List<Entry> entries;

    private Help(List<Entry> entries) {
        this.entries = entries;
    }

    /** One usage entry: its command words (e.g. [cycle, scope, add]) and its text, continuation lines included. */
    private record Entry(List<String> words, String text) {
    }

    /** The entries of a usage text: each starts with a line "ctem ..." and goes on with the lines indented deeper. */
    static Help of(String usage) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = usage.lines().toList();
        int at = 0;
        while (at < lines.size() && !lines.get(at).equals("Commands:")) {
            at++;
        }
        StringBuilder text = null;
        List<String> words = null;
        int indent = -1;
        for (at++; at < lines.size(); at++) {
            String line = lines.get(at);
            if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                break; // the end of the command list ("Options:")
            }
            int depth = line.length() - line.stripLeading().length();
            if (line.stripLeading().startsWith("ctem ") && (indent < 0 || depth == indent)) {
                if (text != null) {
                    entries.add(new Entry(words, text.toString()));
                }
                indent = depth;
                words = commandWords(line.strip());
                text = new StringBuilder(line.substring(depth));
            } else if (text != null) {
                text.append('\n').append(line.length() > indent ? line.substring(indent) : line.strip());
            }
        }
        if (text != null) {
            entries.add(new Entry(words, text.toString()));
        }
        return new Help(entries);
    }

    /** Whether a command line asks for help: --help or -h among its words (before a "--"). */
    static boolean asked(List<String> words) {
        for (String word : words) {
            if (word.equals("--")) {
                return false;
            }
            if (word.equals("--help") || word.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The usage of the command named by the leading words of {@code words} (options and what follows them are
     * ignored), or null when no entry begins with its first word.
     */
    String usage(List<String> words) {
        List<String> asked = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith("-")) {
                break;
            }
            asked.add(word);
        }
        int matched = 0;
        for (Entry entry : entries) {
            matched = Math.max(matched, common(entry.words(), asked));
        }
        if (matched == 0) {
            return null;
        }
        List<String> prefix = asked.subList(0, matched);
        StringBuilder usage = new StringBuilder("Usage:\n");
        for (Entry entry : entries) {
            if (entry.words().size() >= matched && entry.words().subList(0, matched).equals(prefix)) {
                usage.append(entry.text().indent(2));
            }
        }
        return usage.toString().stripTrailing();
    }

    /** Every command's words, e.g. [cycle, scope, add], in the order of the usage text (for tests). */
    List<List<String>> commands() {
        return entries.stream().map(Entry::words).filter(w -> !w.isEmpty()).distinct().toList();
    }

    private static int common(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return n;
    }

    /** The lower-case words after "ctem" up to the first option, placeholder or bracket: "ctem cycle scope add KEY". */
    private static List<String> commandWords(String line) {
        List<String> words = new ArrayList<>();
        for (String token : Arrays.asList(line.split("\\s+")).subList(1, line.split("\\s+").length)) {
            if (!token.matches("[a-z][a-z-]*")) {
                break;
            }
            words.add(token);
        }
        return words;
    }
}
