package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The page index of frozen renderings on Active Objects ({@link FrozenPageEntity}, ADR 095): derived from the stored
 * pieces, kept apart from them, so building it or throwing it away never touches what was frozen. Reading a page's
 * row is one statement, whatever the rendering's size.
 */
public class AoFrozenPages {

    private static final String HEADERS = "ID, PAGE_KEY, REPORT_KEY, ORDINAL, SECTION, TITLE, PAGE_NO, PAGES, FIRST_ROW,"
            + " LAST_ROW, ROW_COUNT, SHA256, SPANS";
    private static final int WHOLE = -1;

    private final ActiveObjects ao;

    public AoFrozenPages(ActiveObjects ao) {
        this.ao = ao;
    }

    /** A page of the index as stored; {@code spans} as {@link #write} was given it. */
    public record Row(int ordinal, String section, String title, int number, int pages, int firstRow, int lastRow,
                      int rows, String spans) {
    }

    /** The SHA-256 of the rendering the report's index was built from, when a whole index is stored. */
    public Optional<String> indexedSha256(String reportKey) {
        FrozenPageEntity[] rows = ao.find(FrozenPageEntity.class, Query.select(HEADERS)
                .where("PAGE_KEY = ?", pageKey(reportKey, WHOLE)));
        return rows.length == 0 ? Optional.empty() : Optional.ofNullable(rows[0].getSha256());
    }

    /**
     * Stores the report's index in one transaction, replacing a partial one, its whole-marker last. Two nodes that
     * build it at once meet on the unique page key: one of them fails, and finds the other's index.
     */
    public void write(String reportKey, String sha256, List<Row> pages) {
        ao.executeInTransaction(() -> {
            ao.deleteWithSQL(FrozenPageEntity.class, "REPORT_KEY = ?", reportKey);
            for (Row page : pages) {
                ao.create(FrozenPageEntity.class,
                        new DBParam("PAGE_KEY", pageKey(reportKey, page.ordinal())),
                        new DBParam("REPORT_KEY", reportKey),
                        new DBParam("ORDINAL", page.ordinal()),
                        new DBParam("SECTION", page.section()),
                        new DBParam("TITLE", page.title().length() > 255 ? page.title().substring(0, 255)
                                : page.title()),
                        new DBParam("PAGE_NO", page.number()),
                        new DBParam("PAGES", page.pages()),
                        new DBParam("FIRST_ROW", page.firstRow()),
                        new DBParam("LAST_ROW", page.lastRow()),
                        new DBParam("ROW_COUNT", page.rows()),
                        new DBParam("SPANS", page.spans()));
            }
            ao.create(FrozenPageEntity.class,
                    new DBParam("PAGE_KEY", pageKey(reportKey, WHOLE)),
                    new DBParam("REPORT_KEY", reportKey),
                    new DBParam("ORDINAL", WHOLE),
                    new DBParam("PAGE_NO", 0),
                    new DBParam("PAGES", pages.size()),
                    new DBParam("FIRST_ROW", 0),
                    new DBParam("LAST_ROW", 0),
                    new DBParam("ROW_COUNT", 0),
                    new DBParam("SHA256", sha256));
            return null;
        });
    }

    /** The first page of each section, in the document's order: the contents. */
    public List<Row> sections(String reportKey) {
        return Arrays.stream(ao.find(FrozenPageEntity.class, Query.select(HEADERS)
                        .where("REPORT_KEY = ? AND PAGE_NO = ? AND ORDINAL >= ?", reportKey, 1, 0).order("ORDINAL ASC")))
                .map(AoFrozenPages::toRow).toList();
    }

    public Optional<Row> page(String reportKey, String section, int number) {
        FrozenPageEntity[] rows = ao.find(FrozenPageEntity.class, Query.select(HEADERS)
                .where("REPORT_KEY = ? AND SECTION = ? AND PAGE_NO = ? AND ORDINAL >= ?", reportKey, section, number, 0)
                .order("ORDINAL ASC").limit(1));
        return rows.length == 0 ? Optional.empty() : Optional.of(toRow(rows[0]));
    }

    private static String pageKey(String reportKey, int ordinal) {
        return reportKey + "#" + (ordinal == WHOLE ? "whole" : String.valueOf(ordinal));
    }

    private static Row toRow(FrozenPageEntity row) {
        return new Row(row.getOrdinal(), AoCycleRepository.text(row.getSection()),
                AoCycleRepository.text(row.getTitle()), row.getPageNo(), row.getPages(), row.getFirstRow(),
                row.getLastRow(), row.getRowCount(), AoCycleRepository.text(row.getSpans()));
    }
}
