package org.ctemcycles.jira.fields;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.SortableCustomField;
import com.atlassian.jira.issue.customfields.impl.CalculatedCFType;
import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import org.ctemcycles.jira.CtemServices;

/**
 * The base of the app's custom field types: read-only, each value computed from the record when Jira asks
 * ({@link CtemFieldValues}), nothing stored, and sortable by the value's natural order. It extends Jira's
 * {@code CalculatedCFType} and implements only its abstract methods, never {@code CustomFieldType} itself, so a
 * method Jira adds to that interface is Jira's to implement (docs/adr/101). A value is one object, so the singular
 * object and the value are the same type.
 *
 * @param <T> Double, java.util.Date or String: what Jira's searcher for the field indexes
 */
public abstract class CtemFieldType<T extends Comparable<T>> extends CalculatedCFType<T, T>
        implements SortableCustomField<T> {

    private final CtemFieldValues values;
    private final CtemField field;
    private final Class<T> type;

    protected CtemFieldType(CtemServices services, CtemField field, Class<T> type) {
        this(new CtemFieldValues(services.record().findingRecords(), services.record().validation()), field, type);
    }

    CtemFieldType(CtemFieldValues values, CtemField field, Class<T> type) {
        this.values = values;
        this.field = field;
        this.type = type;
    }

    /** Which of the app's fields this type computes. */
    public CtemField field() {
        return field;
    }

    @Override
    public T getValueFromIssue(CustomField customField, Issue issue) {
        Object value = values.valueOf(field, issue);
        return value == null ? null : toValue(value);
    }

    /** The record's value as the type Jira's searcher indexes; most are that type already. */
    protected T toValue(Object recordValue) {
        return type.cast(recordValue);
    }

    /** Ascending by the value; Jira sorts issues without a value apart from these. */
    @Override
    public int compare(T first, T second, FieldConfig config) {
        return first.compareTo(second);
    }

    @Override
    public String getStringFromSingularObject(T value) {
        return value == null ? null : text(value);
    }

    @Override
    public T getSingularObjectFromString(String text) throws FieldValidationException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text.trim());
        } catch (RuntimeException e) {
            throw new FieldValidationException(field.fieldName() + ": \"" + text + "\" is no " + field.kind()
                    .name().toLowerCase(java.util.Locale.ROOT) + " value");
        }
    }

    /** The value as text (what Jira shows where it shows a field as text). */
    protected abstract String text(T value);

    /** The value {@link #text} wrote; throws a RuntimeException for other text. */
    protected abstract T parse(String text);
}
