package org.ctemcycles.store;

import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.CycleRecordFixture;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;
import java.util.stream.IntStream;

import static org.ctemcycles.testing.CycleRecordFixture.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * No N+1 on the register's hot paths, on H2 and PostgreSQL: loading the register (and a checkpoint's metrics, and
 * entering findings into the register) costs the same number of SQL statements for 1 finding as for 1,000,
 * counted beneath Active Objects by a wrapping DataSource.
 */
@RunWith(Parameterized.class)
public class RegisterQueryCountTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;

    public RegisterQueryCountTest(TestDatabase database) {
        this.database = database;
    }

    /** The statements each operation cost for a cycle of {@code findings} findings. */
    private record Costs(int enrol, int register, int metrics, List<String> registerSql) {
    }

    private Costs costs(int findings) throws Exception {
        CountingDataSource counting = new CountingDataSource();
        try (CycleRecordFixture fixture = new CycleRecordFixture(database.open(EmbeddedDatabase.Options.app()
                .withDataSourceWrapper(counting::wrap)), "2026-07-02")) {
            fixture.open("CTEM-1");
            List<String> keys = IntStream.rangeClosed(1, findings).mapToObj(i -> "F-" + i).toList();
            counting.reset();
            fixture.record.mobilisation().enrol("CTEM-1", keys, "importer");
            int enrol = counting.count();
            fixture.record.mobilisation().mobilise("CTEM-1", "F-1", new MobilisationDraft("bob", "2026-08-01", "",
                    "", "retest"), LEAD);
            counting.reset();
            int loaded = fixture.record.mobilisation().register("CTEM-1").size();
            int register = counting.count();
            List<String> registerSql = counting.statements();
            assertEquals(findings, loaded);
            counting.reset();
            fixture.record.checkpoints().metrics("CTEM-1");
            return new Costs(enrol, register, counting.count(), registerSql);
        }
    }

    @Test
    public void theRegisterCostsTheSameForOneAndForAThousandFindings() throws Exception {
        Costs one = costs(1);
        Costs thousand = costs(1_000);
        assertEquals("loading the register: " + thousand.registerSql(), one.register(), thousand.register());
        assertEquals("the cycle, then its register in one query: " + one.registerSql(), 2, one.register());
        assertTrue(one.registerSql().get(1), one.registerSql().get(1).contains("REGISTER_ENTRY"));
        assertEquals("a checkpoint's metrics", one.metrics(), thousand.metrics());
        // on H2 a batch insert of many rows may take one statement more: its rows go 1,000 values' worth a statement
        // as one JDBC batch, then one statement for the rest (ADR 053); on PostgreSQL it is one COPY
        int extra = database.toString().equals("PostgreSQL") ? 0 : 1;
        assertTrue("entering findings into the register: " + one.enrol() + ", " + thousand.enrol(),
                thousand.enrol() >= one.enrol() && thousand.enrol() <= one.enrol() + extra);
        System.out.printf("[ctem] %s statements for 1 and 1,000 findings: register %d/%d, metrics %d/%d, enrol %d/%d%n",
                database, one.register(), thousand.register(), one.metrics(), thousand.metrics(), one.enrol(),
                thousand.enrol());
    }
}
