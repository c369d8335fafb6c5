package org.ctemcycles.cli.html;

import org.apache.velocity.runtime.RuntimeServices;
import org.apache.velocity.util.RuntimeServicesAware;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;

import java.lang.reflect.Method;

/**
 * Enforces the {@link VelocityAllowlist} on every method and getter a template calls, as Jira does. Where Jira
 * blocks such a call quietly (the page then shows the reference as typed), this one fails the rendering, naming the
 * entry that is missing: a template of ours calling an unlisted method is a bug, to be found by a test, not in Jira.
 * The engine hands it the allowlist as the application attribute {@link #ALLOWLIST} (see {@link JiraVelocityEngine}).
 */
public class AllowlistUberspector extends UberspectImpl implements RuntimeServicesAware {

    public static final String ALLOWLIST = "ctem.velocity.allowlist";

    private VelocityAllowlist allowlist;

    @Override
    public void setRuntimeServices(RuntimeServices services) {
        allowlist = (VelocityAllowlist) services.getApplicationAttribute(ALLOWLIST);
        if (allowlist == null) {
            throw new IllegalStateException("the Velocity engine has no " + ALLOWLIST + " attribute");
        }
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) throws Exception {
        VelMethod method = super.getMethod(obj, methodName, args, info);
        if (method != null && obj != null) {
            check(obj.getClass(), method.getMethodName(), args.length, info);
        }
        return method;
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) throws Exception {
        VelPropertyGet getter = super.getPropertyGet(obj, identifier, info);
        if (getter != null && obj != null) {
            check(obj.getClass(), getter.getMethodName(), 0, info);
        }
        return getter;
    }

    private void check(Class<?> type, String methodName, int arity, Info info) {
        Method method = find(type, methodName, arity);
        if (method == null) {
            return; // not a method call (a map key, say): nothing the allowlist speaks of
        }
        Class<?> owner = firstDeclaringClass(method);
        if (!allowlist.permits(owner, method)) {
            throw new IllegalStateException(VelocityAllowlist.entry(owner, method) + " is not on the velocity "
                    + "allowlist of " + VelocityAllowlist.DESCRIPTOR + " (called at " + info + ")");
        }
    }

    private static Method find(Class<?> type, String name, int arity) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arity) {
                return method;
            }
        }
        return null;
    }

    /**
     * The entry Jira checks names the class that declares the method first, so an override in a subclass (a test
     * double of an action) is checked against its superclass's entry.
     */
    private static Class<?> firstDeclaringClass(Method method) {
        Class<?> owner = method.getDeclaringClass();
        for (Class<?> c = owner.getSuperclass(); c != null; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                owner = c;
            } catch (NoSuchMethodException e) {
                // not declared here
            }
        }
        return owner;
    }
}
