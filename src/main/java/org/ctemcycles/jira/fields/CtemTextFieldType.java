package org.ctemcycles.jira.fields;

import org.ctemcycles.jira.CtemServices;

/** A CTEM field whose value is a code or a key (a tier, a status, a cycle): a String, as Jira's text searcher indexes it. */
public abstract class CtemTextFieldType extends CtemFieldType<String> {

    protected CtemTextFieldType(CtemServices services, CtemField field) {
        super(services, field, String.class);
    }

    CtemTextFieldType(CtemFieldValues values, CtemField field) {
        super(values, field, String.class);
    }

    @Override
    protected String text(String value) {
        return value;
    }

    @Override
    protected String parse(String text) {
        return text;
    }
}
