/**
 * The {@code ctem-jsonl} format: normalised observations as JSON lines (what {@code ctem parse} prints), the
 * app's own interchange format. See {@link org.ctemcycles.ingest.jsonl.ObservationLinesImporter} for its mapping,
 * which is the identity: each field is the {@link org.ctemcycles.core.finding.Observation} field of the same name.
 */
package org.ctemcycles.ingest.jsonl;
