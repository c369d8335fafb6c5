package org.ctemcycles.report.view;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A large section of a report as views, made one row at a time while a template iterates it: nothing is copied,
 * so rendering holds one page of the record however long the section is. Each iteration reads the section again.
 */
public final class ViewRows<V> implements Iterable<V> {

    private final Iterable<?> rows;
    private final Predicate<Object> keep;
    private final Function<Object, ? extends V> view;

    private ViewRows(Iterable<?> rows, Predicate<Object> keep, Function<Object, ? extends V> view) {
        this.rows = rows;
        this.keep = keep;
        this.view = view;
    }

    /** Every row, as {@code view} shows it. */
    public static <S, V> ViewRows<V> of(Iterable<S> rows, Function<? super S, ? extends V> view) {
        return of(rows, row -> true, view);
    }

    /** The rows {@code keep} accepts, as {@code view} shows them. */
    @SuppressWarnings("unchecked") // the rows are S: they come from the Iterable<S> given with these functions
    public static <S, V> ViewRows<V> of(Iterable<S> rows, Predicate<? super S> keep,
                                        Function<? super S, ? extends V> view) {
        return new ViewRows<>(rows, row -> keep.test((S) row), row -> view.apply((S) row));
    }

    @Override
    public Iterator<V> iterator() {
        Iterator<?> source = rows.iterator();
        return new Iterator<>() {
            private Object ahead;
            private boolean hasAhead;

            @Override
            public boolean hasNext() {
                while (!hasAhead && source.hasNext()) {
                    ahead = source.next();
                    hasAhead = keep.test(ahead);
                }
                return hasAhead;
            }

            @Override
            public V next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                hasAhead = false;
                return view.apply(ahead);
            }
        };
    }
}
