package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.RawEntity;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

/** An ActiveObjects whose bulk create fails after a number of successful batches: a database that dies mid-load. */
final class FailingAfter {

    private FailingAfter() {
    }

    static ActiveObjects wrap(ActiveObjects real, int batches) {
        int[] left = {batches};
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("create") && args.length == 2 && args[1] instanceof List<?>) {
                if (left[0]-- <= 0) {
                    throw new IllegalStateException("connection lost");
                }
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ActiveObjects) Proxy.newProxyInstance(FailingAfter.class.getClassLoader(),
                new Class<?>[]{ActiveObjects.class}, handler);
    }
}
