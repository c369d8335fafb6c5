package org.ctemcycles.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import org.ctemcycles.app.ReportImport;
import org.ctemcycles.cli.remote.JiraClient;
import org.ctemcycles.cli.remote.MultipartUpload;
import org.ctemcycles.cli.remote.Progress;
import org.ctemcycles.cli.remote.RemoteException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.report.evidence.PackCsv;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code ctem import}, {@code ctem report} and {@code ctem cycles list} against CTEM Cycles in a Jira ({@code --server
 * URL}) instead of the local database, through the app's REST API ({@link JiraClient}): the same output and exit
 * codes as the local commands, plus 5 (server unreachable), 6 (TLS failed) and 7 (token or permission refused).
 */
final class RemoteCommands {

    static final String USAGE = """
            ctem import --server URL [--token PAT] --cycle KEY [options of the local import] FILE...
            ctem report --server URL [--token PAT] --cycle KEY --out DIR
            ctem cycles list --server URL [--token PAT] [--json]
                The same commands against CTEM Cycles in a Jira instead of the local database. URL is the Jira
                base URL (https://; plain http only for localhost, with a warning); PAT is a Jira personal access
                token, better given in the environment variable CTEM_TOKEN than on the command line. Reports are
                streamed from disk as they are sent, with a progress line on stderr; the output is the local
                command's. Exit codes as locally, and 5 server unreachable, 6 TLS failed (certificate not
                trusted: CTEM_JAVA_OPTS=-Djavax.net.ssl.trustStore=FILE), 7 token or permission refused.""";

    static final String TOKEN_VARIABLE = "CTEM_TOKEN";
    private static final Set<String> IMPORT_OPTIONS = Set.of("server", "token", "cycle", "source-kind", "tool",
            "covers", "scanned-at", "format");
    /** The API's field names as the command's options. */
    private static final Map<String, String> OPTION_NAMES = Map.of("sourceKind", "--source-kind",
            "scannedAt", "--scanned-at", "covers", "--covers", "format", "--format", "tool", "--tool");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final LongSupplier millis;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    RemoteCommands(PrintStream out, PrintStream err, Map<String, String> environment, LongSupplier millis) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.millis = millis;
    }

    /** Whether the command line names a server. */
    static boolean wanted(List<String> words) {
        return words.stream().anyMatch(w -> w.equals("--server") || w.startsWith("--server="));
    }

    /** Runs {@code ctem COMMAND WORDS} against the server; a remote failure is printed and gives its exit code. */
    int run(String command, List<String> words) {
        try {
            return switch (command) {
                case "import" -> importReports(words);
                case "report" -> report(words);
                case "cycles" -> cycles(words);
                default -> throw new InvalidInputException("--server", "works with import, report and cycles list,"
                        + " not with " + command);
            };
        } catch (RemoteException e) {
            e.lines().forEach(line -> err.println("ctem: " + line));
            return e.exitCode();
        }
    }

    private JiraClient client(Arguments args) {
        String token = args.option("token") != null ? args.option("token") : environment.get(TOKEN_VARIABLE);
        return JiraClient.connect(args.option("server"), token, err);
    }

    private int importReports(List<String> words) {
        Arguments args = Arguments.parse(words, IMPORT_OPTIONS, Set.of());
        String cycle = DiscoveryContext.requiredCycle(args);
        if (args.positional().isEmpty()) {
            throw new InvalidInputException("import", "needs at least one report file\n" + USAGE);
        }
        // the options the command can check itself, named as the local import names them
        try {
            ReportImport.Options.parse(cycle, args.option("source-kind"), args.option("tool"), List.of(),
                    args.option("scanned-at"), args.option("format"), "");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new Problem(OPTION_NAMES.getOrDefault(p.field(), p.field()), p.message())).toList());
        }
        List<Path> files = new ArrayList<>();
        for (String name : args.positional()) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new InvalidInputException(name, "no such file (nothing was sent)");
            }
            files.add(file);
        }
        JiraClient jira = client(args);
        String path = "/cycles/" + encode(cycle) + "/imports" + query(args);
        // the cycle, the token's access and the options, checked by the server before any report is sent
        HttpResponse<String> check = jira.send(jira.request(path + (path.contains("?") ? "&" : "?") + "dryRun=true")
                .header("Content-Type", "multipart/form-data; boundary=none")
                .POST(HttpRequest.BodyPublishers.ofString("--none--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        if (check.statusCode() != 204) {
            throw renamed(jira.failure(check.statusCode(), check.body()));
        }
        MultipartUpload upload;
        try {
            upload = new MultipartUpload(files);
        } catch (FileNotFoundException e) {
            throw new InvalidInputException("import", "cannot read " + e.getMessage());
        }
        Progress progress = new Progress(err, "uploading " + files.size() + (files.size() == 1 ? " report" : " reports")
                + " to " + jira.jira().getHost(), upload.length(), millis);
        HttpRequest request = jira.request(path)
                .header("Content-Type", upload.contentType())
                .POST(upload.publisher(progress::advance)).build();
        HttpResponse<String> response;
        try {
            response = jira.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            progress.finish(); // how far it got, on a line of its own before any error
        }
        JsonObject answer = response.statusCode() == 200 || response.statusCode() == 400
                ? answerWithFiles(jira, response) : null;
        if (answer == null) {
            throw renamed(jira.failure(response.statusCode(), response.body()));
        }
        JsonArray results = answer.getAsJsonArray("files");
        for (int i = 0; i < results.size(); i++) {
            JsonObject line = results.get(i).getAsJsonObject();
            if (i < files.size()) {
                line.addProperty("file", args.positional().get(i)); // as the local import names it
            }
            out.println(gson.toJson(line));
        }
        out.println(gson.toJson(answer.get("summary")));
        if (response.statusCode() == 200) {
            JsonElement partial = answer.getAsJsonObject("summary").get("partial");
            return partial != null && partial.getAsInt() > 0 ? Ctem.PARTIAL : Ctem.OK;
        }
        if (!"rejected-report".equals(answer.get("code").getAsString())) {
            throw renamed(jira.failure(response.statusCode(), response.body()));
        }
        return Ctem.BAD_INPUT;
    }

    /** The upload's answer when it lists what each report did (200, or 400 once reports were read), else null. */
    private static JsonObject answerWithFiles(JiraClient jira, HttpResponse<String> response) {
        JsonElement json;
        try {
            json = jira.json(response.statusCode(), response.body());
        } catch (RemoteException e) {
            return null;
        }
        return json.isJsonObject() && json.getAsJsonObject().has("files") && json.getAsJsonObject().has("summary")
                ? json.getAsJsonObject() : null;
    }

    private static RemoteException renamed(RemoteException e) {
        return new RemoteException(e.exitCode(), e.lines().stream().map(line -> {
            int colon = line.indexOf(':');
            String field = colon < 0 ? "" : line.substring(0, colon);
            return OPTION_NAMES.containsKey(field) ? OPTION_NAMES.get(field) + line.substring(colon) : line;
        }).toList());
    }

    private static String query(Arguments args) {
        StringBuilder query = new StringBuilder();
        for (String[] option : new String[][]{{"covers", "covers"}, {"source-kind", "sourceKind"},
                {"tool", "tool"}, {"scanned-at", "scannedAt"}, {"format", "format"}}) {
            String value = args.option(option[0]);
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? '?' : '&').append(option[1]).append('=').append(encode(value));
            }
        }
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text.strip(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private int report(List<String> words) {
        Arguments args = Arguments.parse(words, Set.of("server", "token", "cycle", "out"), Set.of());
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException("report", "does not take '" + args.positional().get(0) + "'");
        }
        String cycle = DiscoveryContext.requiredCycle(args);
        if (args.option("out") == null || args.option("out").isBlank()) {
            throw new InvalidInputException("--out", "is required: the folder to write the evidence pack into");
        }
        JiraClient jira = client(args);
        Path folder = Path.of(args.option("out"));
        Path csv = folder.resolve(ReportCommand.CSV);
        try {
            Files.createDirectories(csv);
        } catch (IOException e) {
            throw new InvalidInputException("--out", "cannot create " + csv + ": " + e.getMessage());
        }
        String path = "/cycles/" + encode(cycle) + "/";
        download(jira, path + "evidence.html", folder.resolve(ReportCommand.HTML));
        download(jira, path + "evidence.json", folder.resolve(ReportCommand.JSON));
        download(jira, path + "evidence.vex.json", folder.resolve(ReportCommand.VEX));
        Path zip = folder.resolve("evidence-csv.zip.partial");
        download(jira, path + "evidence.csv.zip", zip);
        try {
            unzip(zip, csv);
            Files.delete(zip);
        } catch (IOException e) {
            throw new RemoteException(Ctem.INTERNAL_ERROR, "cannot unpack the CSV files into " + csv + ": "
                    + e.getMessage());
        }
        ReportCommand.describe(out, cycle.strip().toUpperCase(java.util.Locale.ROOT), folder,
                items(folder.resolve(ReportCommand.JSON)));
        return Ctem.OK;
    }

    /** Streams an answer to disk beside its final name and moves it there when complete. */
    private void download(JiraClient jira, String path, Path file) {
        long start = System.nanoTime();
        Path partial = file.getFileName().toString().endsWith(".partial") ? file
                : file.resolveSibling(file.getFileName() + ".partial");
        HttpResponse<Object> response = jira.send(jira.request(path).GET().build(),
                info -> info.statusCode() == 200
                        ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(partial), p -> p)
                        : HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), s -> s));
        if (response.statusCode() != 200) {
            throw jira.failure(response.statusCode(), (String) response.body());
        }
        try {
            if (!partial.equals(file)) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            ReportCommand.wrote(err, file.getFileName() + String.format(" (%.1f MB)", Files.size(file) / 1048576.0),
                    start);
        } catch (IOException e) {
            throw new RemoteException(Ctem.INTERNAL_ERROR, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Unpacks the register files, and only those: an entry of another name (a path, say) is refused. */
    private static void unzip(Path zip, Path folder) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!PackCsv.FILES.contains(entry.getName())) {
                    throw new IOException("the zip holds '" + entry.getName() + "', which is not a register file");
                }
                Path partial = folder.resolve(entry.getName() + ".partial");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, folder.resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The pack's evidence items, read from the start of its JSON (the rest is not read). */
    private static List<ReportCommand.Item> items(Path json) {
        List<ReportCommand.Item> items = new ArrayList<>();
        try (InputStream in = Files.newInputStream(json);
             Reader text = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
             JsonReader reader = new JsonReader(text)) {
            reader.beginObject();
            while (reader.hasNext()) {
                if (!reader.nextName().equals("items")) {
                    reader.skipValue();
                    continue;
                }
                reader.beginArray();
                while (reader.hasNext()) {
                    JsonObject item = com.google.gson.JsonParser.parseReader(reader).getAsJsonObject();
                    items.add(new ReportCommand.Item(item.get("title").getAsString(),
                            item.get("present").getAsBoolean(), item.get("note").getAsString()));
                }
                return items;
            }
        } catch (IOException | RuntimeException e) {
            throw new RemoteException(Ctem.INTERNAL_ERROR, "the evidence pack's JSON cannot be read: " + e.getMessage());
        }
        return items;
    }

    private int cycles(List<String> words) {
        Arguments args = Arguments.parse(words, Set.of("server", "token"), Set.of("json"));
        if (!args.positional().equals(List.of("list"))) {
            throw new InvalidInputException("cycles", "with --server, only 'cycles list [--json]' is available");
        }
        JiraClient jira = client(args);
        List<JsonObject> cycles = new ArrayList<>();
        String next = null;
        do {
            JsonObject page = jira.getJson("/cycles?limit=500" + (next == null ? "" : "&after=" + encode(next)))
                    .getAsJsonObject();
            page.getAsJsonArray("items").forEach(c -> cycles.add(c.getAsJsonObject()));
            next = page.get("next").isJsonNull() ? null : page.get("next").getAsString();
        } while (next != null);
        if (args.flag("json")) {
            cycles.forEach(cycle -> out.println(cycle));
        } else {
            CyclesCommand.table(out, cycles);
        }
        return Ctem.OK;
    }
}
