package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.junit.Before;
import org.junit.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** What every {@link ScopeRegister} promises; a subclass per implementation supplies a fresh, empty one. */
public abstract class ScopeRegisterContract {

    private ScopeRegister register;

    protected abstract ScopeRegister scopeRegister();

    @Before
    public void create() {
        register = scopeRegister();
    }

    static Surface surface(String cycle, String key, String... rules) {
        return new Surface(key, cycle, "Surface " + key, SurfaceKind.CUSTOMER_FACING_SYSTEM, "alice",
                Criticality.HIGH, Exposure.INTERNET_FACING, "no KEV at close", java.util.Arrays.stream(rules)
                .map(ScopeRule::parse).toList());
    }

    @Test
    public void surfacesReadBackEqualInTheOrderTheyWereRegistered() {
        Surface zeta = surface("A", "ZETA", "HOST:z.example.com", "IP_RANGE:10.0.0.0/8");
        Surface alpha = surface("A", "ALPHA", "HOST:a.example.com");
        Surface other = surface("B", "BETA");
        assertTrue(register.add(zeta));
        assertTrue(register.add(other));
        assertTrue(register.add(alpha));
        assertEquals(List.of(zeta, alpha), register.list("A"));
        assertEquals(Optional.of(zeta), register.find("A", "ZETA"));
        assertEquals(Optional.empty(), register.find("B", "ZETA"));
        assertEquals(List.of(), register.list("C"));
    }

    @Test
    public void aSecondSurfaceWithTheKeyIsRefusedAndNothingOfItStored() {
        Surface first = surface("A", "PAY", "HOST:pay.example.com");
        register.add(first);
        assertFalse(register.add(surface("A", "PAY", "HOST:other.example.com")));
        assertEquals(List.of(first), register.list("A"));
    }

    @Test
    public void anUpdateReplacesTheSurfaceAndItsRulesAndAnUnknownOneIsNotFound() {
        register.add(surface("A", "PAY", "HOST:pay.example.com", "HOST:api.pay.example.com"));
        Surface changed = new Surface("PAY", "A", "Payments", SurfaceKind.IDENTITY_SURFACE, "bob", null, null, "",
                List.of(ScopeRule.parse("URL_PREFIX:https://pay.example.com/")));
        register.update(changed);
        assertEquals(Optional.of(changed), register.find("A", "PAY"));
        assertEquals(List.of(changed), register.list("A"));
        try {
            register.update(surface("A", "NOPE"));
            fail();
        } catch (NotFoundException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("NOPE"));
        }
    }
}
