package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One page of a frozen rendering's index (table {@code AO_xxxxxx_FROZEN_PAGE}, ADR 095): derived data, computed once
 * from the stored pieces of a {@link FrozenReportEntity} and never part of what was frozen or hashed. A page is its
 * section's anchor and heading, its number of the section's pages, which of the section's table rows it holds, and
 * its spans: which characters of which stored pieces make it, each piece with the SHA-256 it had when it was indexed.
 * The row with {@code ORDINAL} -1 is written last, with the SHA-256 of the whole rendering the index was built from:
 * it means the index is whole. {@code PAGE_KEY} ({@code REPORT_KEY#ORDINAL}) is unique, so two nodes building the
 * same index at once cannot both store it.
 */
@Table("FROZEN_PAGE")
public interface FrozenPageEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(80)
    String getPageKey();

    void setPageKey(String key);

    @NotNull
    @Indexed
    @StringLength(64)
    String getReportKey();

    void setReportKey(String key);

    int getOrdinal();

    void setOrdinal(int ordinal);

    @StringLength(255)
    String getSection();

    void setSection(String section);

    @StringLength(255)
    String getTitle();

    void setTitle(String title);

    int getPageNo();

    void setPageNo(int number);

    int getPages();

    void setPages(int pages);

    int getFirstRow();

    void setFirstRow(int row);

    int getLastRow();

    void setLastRow(int row);

    int getRowCount();

    void setRowCount(int rows);

    @StringLength(64)
    String getSha256();

    void setSha256(String sha256);

    @StringLength(StringLength.UNLIMITED)
    String getSpans();

    void setSpans(String spans);
}
