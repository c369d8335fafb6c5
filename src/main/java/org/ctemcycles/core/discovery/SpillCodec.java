package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.Placement;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partly merged finding as the deduplicator writes it to a spill file and reads it back: every field of the
 * {@link ObservedFinding} and the position of its first observation in the report. Text is length-prefixed UTF-8, so
 * evidence of any accepted length round-trips (DataOutput's own writeUTF stops at 64 KiB).
 */
final class SpillCodec {

    private static final ObservedSeverity[] SEVERITIES = ObservedSeverity.values();
    private static final SourceKind[] SOURCE_KINDS = SourceKind.values();
    private static final AssetKind[] ASSET_KINDS = AssetKind.values();
    private static final FindingIdentity.Kind[] IDENTITY_KINDS = FindingIdentity.Kind.values();

    private SpillCodec() {
    }

    /** One finding with the report position of its first observation. */
    record Entry(long firstSeen, ObservedFinding finding) {
    }

    static void write(DataOutput out, Entry entry) throws IOException {
        ObservedFinding f = entry.finding();
        out.writeLong(entry.firstSeen());
        out.writeByte(f.identity().kind().ordinal());
        text(out, f.identity().hash());
        Asset asset = f.placement().asset();
        out.writeByte(asset.kind().ordinal());
        text(out, asset.key());
        text(out, asset.value());
        text(out, f.placement().surfaceKey());
        text(out, f.title());
        text(out, f.tool());
        text(out, f.ruleId());
        text(out, f.location());
        text(out, f.deployment());
        out.writeByte(f.severity().ordinal());
        out.writeInt(f.observations());
        texts(out, f.cves());
        texts(out, f.cwes());
        texts(out, f.cvssVectors());
        out.writeInt(f.sightings().size());
        for (Sighting s : f.sightings()) {
            out.writeByte(s.source().kind().ordinal());
            text(out, s.source().toolKey());
            text(out, s.tool());
            text(out, s.toolVersion());
            out.writeByte(s.severity().ordinal());
            text(out, s.rawSeverity());
            out.writeInt(s.observations());
            text(out, s.location());
            text(out, s.evidence());
            out.writeInt(s.attributes().size());
            for (Map.Entry<String, String> attribute : s.attributes().entrySet()) {
                text(out, attribute.getKey());
                text(out, attribute.getValue());
            }
            VexAnalysis vex = s.vex();
            out.writeBoolean(vex != null);
            if (vex != null) {
                text(out, vex.state());
                text(out, vex.justification());
                text(out, vex.response());
                text(out, vex.detail());
            }
        }
    }

    /** The next entry, or null at the end of the file. */
    static Entry read(DataInput in) throws IOException {
        long firstSeen;
        try {
            firstSeen = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        FindingIdentity identity = new FindingIdentity(IDENTITY_KINDS[in.readByte()], text(in));
        Asset asset = new Asset(ASSET_KINDS[in.readByte()], text(in), text(in));
        Placement placement = new Placement(asset, text(in));
        String title = text(in);
        String tool = text(in);
        String ruleId = text(in);
        String location = text(in);
        String deployment = text(in);
        ObservedSeverity severity = SEVERITIES[in.readByte()];
        int observations = in.readInt();
        List<String> cves = texts(in);
        List<String> cwes = texts(in);
        List<String> vectors = texts(in);
        int count = in.readInt();
        List<Sighting> sightings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SourceKey source = new SourceKey(SOURCE_KINDS[in.readByte()], text(in));
            String sightingTool = text(in);
            String toolVersion = text(in);
            ObservedSeverity sightingSeverity = SEVERITIES[in.readByte()];
            String rawSeverity = text(in);
            int sightingObservations = in.readInt();
            String sightingLocation = text(in);
            String evidence = text(in);
            int attributeCount = in.readInt();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int a = 0; a < attributeCount; a++) {
                attributes.put(text(in), text(in));
            }
            VexAnalysis vex = in.readBoolean() ? new VexAnalysis(text(in), text(in), text(in), text(in)) : null;
            sightings.add(new Sighting(source, sightingTool, toolVersion, sightingSeverity, rawSeverity,
                    sightingObservations, sightingLocation, evidence, attributes, vex));
        }
        return new Entry(firstSeen, new ObservedFinding(identity, placement, title, tool, ruleId, location, severity,
                cves, cwes, vectors, observations, sightings, deployment));
    }

    private static void text(DataOutput out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void texts(DataOutput out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            text(out, value);
        }
    }

    private static List<String> texts(DataInput in) throws IOException {
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(text(in));
        }
        return values;
    }
}
