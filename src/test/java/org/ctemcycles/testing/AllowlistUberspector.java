package org.ctemcycles.testing;

import org.apache.velocity.runtime.RuntimeServices;
import org.apache.velocity.util.RuntimeServicesAware;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Blocks, as Jira 10.5+ does, every template call of a method of the app's own classes that is not on the
 * velocity allowlist, and records it so tests can fail with the exact entry that is missing. Methods of Jira's and
 * the JDK's classes are Jira's business and pass.
 */
public class AllowlistUberspector extends UberspectImpl implements RuntimeServicesAware {

    public static final String ALLOWLIST = "ctem.allowlist";
    public static final String VIOLATIONS = "ctem.allowlist.violations";

    private Set<String> allowlist = Set.of();
    private List<String> violations;

    @Override
    @SuppressWarnings("unchecked")
    public void setRuntimeServices(RuntimeServices rs) {
        allowlist = (Set<String>) rs.getApplicationAttribute(ALLOWLIST);
        violations = (List<String>) rs.getApplicationAttribute(VIOLATIONS);
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) throws Exception {
        VelMethod method = super.getMethod(obj, methodName, args, info);
        if (method != null && obj != null && !allowed(obj.getClass(), method.getMethodName(), args, info)) {
            return null;
        }
        return method;
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) throws Exception {
        VelPropertyGet getter = super.getPropertyGet(obj, identifier, info);
        if (getter != null && obj != null && !allowed(obj.getClass(), getter.getMethodName(), new Object[0], info)) {
            return null;
        }
        return getter;
    }

    private boolean allowed(Class<?> type, String methodName, Object[] args, Info info) {
        Method method = find(type, methodName, args.length);
        if (method == null) {
            return true;
        }
        Class<?> owner = topDeclaringClass(method);
        if (!isAppProductionClass(owner)) {
            return true;
        }
        String entry = owner.getName() + "#" + method.getName() + "(" + Arrays.stream(method.getParameterTypes())
                .map(Class::getName).collect(Collectors.joining(",")) + ")";
        if (allowlist.contains(entry)) {
            return true;
        }
        violations.add(entry + " called at " + info);
        return false;
    }

    private static Method find(Class<?> type, String name, int arity) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arity) {
                return method;
            }
        }
        return null;
    }

    /** Test doubles override Jira's methods; the entry Jira would check names the class that declares it first. */
    private static Class<?> topDeclaringClass(Method method) {
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

    private static boolean isAppProductionClass(Class<?> type) {
        return type.getName().startsWith("org.ctemcycles.") && !type.getName().startsWith("org.ctemcycles.testing.");
    }
}
