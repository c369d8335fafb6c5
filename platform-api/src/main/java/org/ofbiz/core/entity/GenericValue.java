package org.ofbiz.core.entity;

// Mirror (compile-only, never packaged). A row Jira's OfBizDelegator returns; only the getter this app calls (in
// OfBiz it is declared by GenericValue's superclass GenericEntity). Evidence: getLong("id") on the rows of
// OfBizDelegator#findByAnd in ONLYOFFICE/onlyoffice-jira (src/main/java/onlyoffice/AttachmentUtil.java, Jira 9.0.0
// by its pom.xml at 2101a8fa). UNVERIFIED on Jira 10/11.

public class GenericValue {

    public Long getLong(String fieldName) {
        throw new UnsupportedOperationException("mirror");
    }
}
