package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceRepository;
import org.junit.Before;
import org.junit.Test;

import java.util.List;
import java.util.Optional;

import static org.ctemcycles.testing.contracts.ScopeRegisterContract.surface;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** What every {@link SurfaceRepository} promises: discovery's view of the surfaces, in registration order. */
public abstract class SurfaceRepositoryContract {

    private SurfaceRepository surfaces;

    protected abstract SurfaceRepository repository();

    @Before
    public void create() {
        surfaces = repository();
    }

    @Test
    public void surfacesReadBackWithTheirRulesInRegistrationOrder() {
        Surface web = surface("A", "WEB", "URL_PREFIX:https://www.example.com/", "HOST:www.example.com");
        Surface api = surface("A", "API", "HOST:api.example.com");
        assertTrue(surfaces.insert(web));
        assertTrue(surfaces.insert(api));
        assertFalse(surfaces.insert(surface("A", "WEB")));
        assertEquals(List.of(web, api), surfaces.list("A"));
        assertEquals(Optional.of(api), surfaces.find("A", "API"));
        assertEquals(Optional.empty(), surfaces.find("A", "DB"));
    }
}
