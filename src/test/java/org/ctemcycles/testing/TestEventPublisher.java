package org.ctemcycles.testing;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Jira's event publisher as its documented semantics go, for tests: a registered object's public methods annotated
 * {@link EventListener} with one parameter receive every published event of that parameter's type (or a subtype),
 * on the publishing thread; an unregistered object receives nothing. A handler's exception reaches the publisher
 * (the app's handlers must not throw; the tests would see it).
 */
public final class TestEventPublisher implements EventPublisher {

    private final List<Object> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void register(Object listener) {
        if (!listeners.contains(listener)) {
            listeners.add(listener);
        }
    }

    @Override
    public void unregister(Object listener) {
        listeners.remove(listener);
    }

    public boolean registered(Object listener) {
        return listeners.contains(listener);
    }

    public void publish(Object event) {
        for (Object listener : listeners) {
            for (Method method : listener.getClass().getMethods()) {
                if (method.isAnnotationPresent(EventListener.class) && method.getParameterCount() == 1
                        && method.getParameterTypes()[0].isInstance(event)) {
                    try {
                        method.invoke(listener, event);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
        }
    }
}
