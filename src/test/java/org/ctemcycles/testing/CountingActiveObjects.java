package org.ctemcycles.testing;

import com.atlassian.activeobjects.external.ActiveObjects;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Wraps {@link ActiveObjects} and counts the calls that reach the database (find, stream, count, create, ...), so a
 * test can prove that a path costs a bounded number of statements whatever the number of rows (no N+1).
 * {@code get} is not counted: it makes proxies without reading (a later {@code save()} is one UPDATE).
 */
public final class CountingActiveObjects {

    private static final Set<String> NOT_DATABASE_CALLS = Set.of("get", "executeInTransaction", "moduleMetaData",
            "flushAll", "flush", "hashCode", "equals", "toString");

    private final ActiveObjects counted;
    private final Map<String, Integer> calls = new TreeMap<>();

    public CountingActiveObjects(ActiveObjects target) {
        counted = (ActiveObjects) Proxy.newProxyInstance(ActiveObjects.class.getClassLoader(),
                new Class<?>[]{ActiveObjects.class}, (proxy, method, args) -> {
                    if (!NOT_DATABASE_CALLS.contains(method.getName())) {
                        synchronized (calls) {
                            calls.merge(method.getName(), 1, Integer::sum);
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public ActiveObjects activeObjects() {
        return counted;
    }

    public int total() {
        synchronized (calls) {
            return calls.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Map<String, Integer> byMethod() {
        synchronized (calls) {
            return new TreeMap<>(calls);
        }
    }

    public void reset() {
        synchronized (calls) {
            calls.clear();
        }
    }
}
