package org.ctemcycles.core.cycle;

import org.junit.Test;

import java.util.Optional;

import static org.junit.Assert.assertEquals;

/** The five stages and Closed, in order, and how users name them. */
public class StageTest {

    @Test
    public void eachStageHasTheNextAndClosedNone() {
        assertEquals(Optional.of(Stage.DISCOVERY), Stage.SCOPING.next());
        assertEquals(Optional.of(Stage.CLOSED), Stage.MOBILISATION.next());
        assertEquals(Optional.empty(), Stage.CLOSED.next());
    }

    @Test
    public void stagesAreParsedAsUsersTypeThem() {
        assertEquals(Optional.of(Stage.DISCOVERY), Stage.parse(" discovery "));
        assertEquals(Optional.of(Stage.PRIORITISATION), Stage.parse("Prioritisation"));
        assertEquals(Optional.of(Stage.MOBILISATION), Stage.parse("MOBILISATION"));
        assertEquals(Optional.of(Stage.CLOSED), Stage.parse("closed"));
        assertEquals(Optional.empty(), Stage.parse("done"));
        assertEquals(Optional.empty(), Stage.parse(null));
        assertEquals("Validation", Stage.VALIDATION.label());
    }
}
