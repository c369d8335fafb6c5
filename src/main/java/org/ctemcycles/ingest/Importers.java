package org.ctemcycles.ingest;

import org.ctemcycles.ingest.jsonl.ObservationLinesImporter;

import java.util.List;
import java.util.Optional;

/**
 * The importers the app knows, in the order content detection asks them (the first whose {@link Importer#accepts}
 * says yes reads the report). A plain list of {@link Importer} instances: each format's package adds its importer
 * to {@link #defaults()}.
 */
public final class Importers {

    private final List<Importer> importers;

    public Importers(List<Importer> importers) {
        this.importers = List.copyOf(importers);
    }

    /** Every importer of the app. */
    public static Importers defaults() {
        return new Importers(List.of(new ObservationLinesImporter()));
    }

    public List<Importer> all() {
        return importers;
    }

    /** The importer for a report whose first bytes are {@code head}, if any accepts it. */
    public Optional<Importer> detect(byte[] head) {
        return importers.stream().filter(importer -> importer.accepts(head)).findFirst();
    }

    /** The importer of a format named by the user (e.g. {@code --format sarif}), if any. */
    public Optional<Importer> byFormat(String format) {
        return importers.stream().filter(importer -> importer.format().equalsIgnoreCase(format.trim())).findFirst();
    }

    /** The format names, for messages. */
    public List<String> formats() {
        return importers.stream().map(Importer::format).toList();
    }
}
