package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One KEV catalogue entry in one feed version (table {@code AO_xxxxxx_KEV_ENTRY}), every field as published; dates as
 * ISO text, {@code cwes} joined with ", " as in CISA's CSV.
 */
@Preload
@Table("KEV_ENTRY")
public interface KevEntryEntity extends Entity {

    @Indexed
    int getFeedId();

    void setFeedId(int feedId);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCveId();

    void setCveId(String cve);

    @StringLength(StringLength.UNLIMITED)
    String getVendorProject();

    void setVendorProject(String vendorProject);

    @StringLength(StringLength.UNLIMITED)
    String getProduct();

    void setProduct(String product);

    @StringLength(StringLength.UNLIMITED)
    String getVulnerabilityName();

    void setVulnerabilityName(String name);

    @NotNull
    @StringLength(10)
    String getDateAdded();

    void setDateAdded(String isoDate);

    @StringLength(StringLength.UNLIMITED)
    String getShortDescription();

    void setShortDescription(String description);

    @StringLength(StringLength.UNLIMITED)
    String getRequiredAction();

    void setRequiredAction(String action);

    @NotNull
    @StringLength(10)
    String getDueDate();

    void setDueDate(String isoDate);

    @StringLength(10)
    String getRansomware();

    void setRansomware(String knownRansomwareCampaignUse);

    @StringLength(StringLength.UNLIMITED)
    String getNotes();

    void setNotes(String notes);

    @StringLength(StringLength.UNLIMITED)
    String getCwes();

    void setCwes(String cwes);
}
