package org.ctemcycles.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.core.common.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the demo's story happens in time: the last complete quarter before today, so that the cycle it leaves behind
 * is closed and reads the same whenever it is read again. The sample data in {@code demo/} is written for the
 * fourth quarter of 2026 (its reference quarter); {@link #shift} moves every date of that quarter (in file names,
 * ISO dates and times, Nessus and ZAP timestamps) by the same number of days to the demo's quarter, and dates
 * outside it (a CVE's publication, a KEV entry's dateAdded) stay as they are. The EPSS and KEV feeds are dated the
 * day they are loaded ({@link #epssFeed}, {@link #kevFeed}), as a daily feed job would load them, so that no
 * ranking uses a stale feed unless the story says so.
 */
final class DemoCalendar {

    /** The quarter the sample data is written for. */
    static final LocalDate REFERENCE_START = LocalDate.of(2026, 10, 1);
    static final LocalDate REFERENCE_END = LocalDate.of(2026, 12, 31);

    private static final Pattern ISO_DATE = Pattern.compile("(?<![0-9])(\\d{4})-(\\d{2})-(\\d{2})(?![0-9])");
    // Nessus HOST_START: "Mon Oct  6 09:41:02 2026"
    private static final Pattern NESSUS_TIME = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \\d]\\d) "
                    + "(\\d{2}:\\d{2}:\\d{2}) (\\d{4})");
    // ZAP @generated: "Wed, 8 Oct 2026 10:02:11"
    private static final Pattern ZAP_TIME = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{4})");

    private final LocalDate start;
    private final LocalDate end;
    private final long offset;

    private DemoCalendar(LocalDate start) {
        this.start = start;
        this.end = start.plusMonths(3).minusDays(1);
        this.offset = ChronoUnit.DAYS.between(REFERENCE_START, start);
    }

    /** The calendar of the last complete quarter before {@code today}. */
    static DemoCalendar before(LocalDate today) {
        LocalDate thisQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        return new DemoCalendar(thisQuarter.minusMonths(3));
    }

    LocalDate start() {
        return start;
    }

    LocalDate end() {
        return end;
    }

    /** The cycle key of the demo's quarter, e.g. CTEM-2026-Q3. */
    String cycleKey() {
        return key(start);
    }

    /** The quarter after the demo's: where the residual queue is handed over. */
    LocalDate nextStart() {
        return end.plusDays(1);
    }

    LocalDate nextEnd() {
        return nextStart().plusMonths(3).minusDays(1);
    }

    String nextCycleKey() {
        return key(nextStart());
    }

    /** E.g. "Q3 2026". */
    String quarter() {
        return "Q" + start.get(IsoFields.QUARTER_OF_YEAR) + " " + start.getYear();
    }

    String nextQuarter() {
        return "Q" + nextStart().get(IsoFields.QUARTER_OF_YEAR) + " " + nextStart().getYear();
    }

    private static String key(LocalDate quarterStart) {
        return "CTEM-" + quarterStart.getYear() + "-Q" + quarterStart.get(IsoFields.QUARTER_OF_YEAR);
    }

    /** A day of the reference quarter moved to the demo's quarter; other days as they are. */
    LocalDate shift(LocalDate day) {
        return day.isBefore(REFERENCE_START) || day.isAfter(REFERENCE_END) ? day : day.plusDays(offset);
    }

    /** {@link #shift} of an ISO date. */
    String day(String isoDate) {
        return shift(LocalDate.parse(isoDate)).toString();
    }

    /** A text (a report, a file name) with every date of the reference quarter moved to the demo's quarter. */
    String shift(String text) {
        String shifted = replace(ISO_DATE, text, m -> {
            try {
                return shift(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)))).toString();
            } catch (DateTimeException notADate) {
                return m.group();
            }
        });
        shifted = replace(NESSUS_TIME, shifted, m -> {
            LocalDate day = shift(LocalDate.of(Integer.parseInt(m.group(5)), month(m.group(2)),
                    Integer.parseInt(m.group(3).trim())));
            return shortName(day.getDayOfWeek()) + " " + shortName(day.getMonth()) + " "
                    + String.format("%2d", day.getDayOfMonth()) + " " + m.group(4) + " " + day.getYear();
        });
        return replace(ZAP_TIME, shifted, m -> {
            LocalDate day = shift(LocalDate.of(Integer.parseInt(m.group(4)), month(m.group(3)),
                    Integer.parseInt(m.group(2))));
            return shortName(day.getDayOfWeek()) + ", " + day.getDayOfMonth() + " " + shortName(day.getMonth())
                    + " " + day.getYear();
        });
    }

    /** Copies a sample report with its dates (and the dates in its name) moved; returns the copy. */
    Path report(Path sample, Path folder) {
        return copy(sample, folder.resolve(shift(sample.getFileName().toString())), this::shift);
    }

    /** The sample EPSS feed, its score_date set to {@code day} (the scores as they are); returns the copy. */
    Path epssFeed(Path sample, Path folder, LocalDate day) {
        return copy(sample, folder.resolve("epss_scores-" + day + ".csv"), text -> text.replaceFirst(
                "score_date:[0-9T:.\\-]+Z", "score_date:" + day + "T12:55:00Z"));
    }

    /** The sample KEV catalogue released on {@code day} (its entries as they are); returns the copy. */
    Path kevFeed(Path sample, Path folder, LocalDate day) {
        return copy(sample, folder.resolve("known_exploited_vulnerabilities-" + day + ".json"), text -> {
            JsonObject catalogue = JsonParser.parseString(text).getAsJsonObject();
            catalogue.addProperty("catalogVersion", day.toString().replace('-', '.'));
            catalogue.addProperty("dateReleased", day + "T14:00:00.000Z");
            return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(catalogue);
        });
    }

    private static Path copy(Path sample, Path copy, UnaryOperator<String> change) {
        try {
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, change.apply(Files.readString(sample, StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
            return copy;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("demo", "cannot copy " + sample + ": " + e.getMessage());
        }
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Month month(String shortName) {
        for (Month month : Month.values()) {
            if (shortName(month).equals(shortName)) {
                return month;
            }
        }
        throw new IllegalArgumentException(shortName);
    }

    private static String shortName(Month month) {
        return month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
