package org.ctemcycles.jira.fields;

import org.ctemcycles.jira.CtemServices;

import java.math.BigDecimal;

/** A CTEM field whose value is a number (a rank, a score): a Double, as Jira's number searcher indexes it. */
public abstract class CtemNumberFieldType extends CtemFieldType<Double> {

    protected CtemNumberFieldType(CtemServices services, CtemField field) {
        super(services, field, Double.class);
    }

    CtemNumberFieldType(CtemFieldValues values, CtemField field) {
        super(values, field, Double.class);
    }

    @Override
    protected String text(Double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    protected Double parse(String text) {
        return Double.valueOf(text);
    }
}
