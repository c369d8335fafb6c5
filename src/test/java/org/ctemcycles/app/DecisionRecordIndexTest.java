package org.ctemcycles.app;

import org.junit.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;

/**
 * The index of decision records, docs/adr/README.md, links every record in docs/adr and nothing else: a decision
 * missing from the index is as stale as a stale decision. Several branches add records at once; this is where a merge
 * that dropped a row shows.
 */
public class DecisionRecordIndexTest {

    private static final Path FOLDER = Path.of("docs", "adr");

    @Test
    public void theIndexLinksEveryDecisionRecordAndNoOther() throws IOException {
        List<String> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("\\d{3}-.*\\.md") && !name.startsWith("000-"))
                    .sorted().forEach(records::add);
        }
        String index = Files.readString(FOLDER.resolve("README.md"));
        List<String> linked = new ArrayList<>();
        for (String line : index.split("\n")) {
            int open = line.indexOf("](");
            if (line.startsWith("| [") && open > 0) {
                linked.add(line.substring(open + 2, line.indexOf(')', open)));
            }
        }
        assertEquals("rows of docs/adr/README.md, in order", records, linked);
    }
}
