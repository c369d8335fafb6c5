package com.atlassian.jira.ofbiz;

// Mirror (compile-only, never packaged). Only the read this app makes: the rows of one Jira entity whose fields
// equal the values given, read from the database (not from the search index). UNVERIFIED on Jira 10/11: no public
// Jira 10/11 app in the stored index calls it. Best evidence: findByAnd(String, FieldMap) with the rows read by
// GenericValue#getLong("id") in ONLYOFFICE/onlyoffice-jira (src/main/java/onlyoffice/AttachmentUtil.java, its
// pom.xml at 2101a8fa names Jira 9.0.0), and Jira's own managers (e.g. the field screen store) calling
// findByAnd(entityName, Map) in Jira's 7.x sources. FieldMap is a Map, hence the parameter type. Atlassian's
// published Javadoc marks the interface @PublicApi (docs.atlassian.com/DAC/javadoc/jira/reference/com/atlassian/jira/
// ofbiz/OfBizDelegator.html: findByAnd finds GenericValue records by all of the specified fields).
// Used for the Label entity: Jira's own OfBizLabelStore (Jira's sources, since 4.2) reads it with
// findByAnd("Label", {issue, fieldid}), its fields id, fieldid, issue and label; Jira's schema indexes the label
// table's LABEL column (index label_label, in public Jira schema dumps), so a lookup by label is one indexed read.

import org.ofbiz.core.entity.GenericValue;

import java.util.List;
import java.util.Map;

public interface OfBizDelegator {

    List<GenericValue> findByAnd(String entityName, Map<String, ?> fields);
}
