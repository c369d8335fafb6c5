package org.ctemcycles.cli.embedded;

import net.java.ao.EntityManager;
import net.java.ao.RawEntity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the database schema is made from, as a short hash: the Active Objects library that turns entities into
 * tables, and each entity's name and compiled class file (its annotations for table name and indexes, every method
 * with its column type, length and constraints), a class file known by its length and CRC-32. Equal fingerprints
 * mean a migration would find nothing to change. Any change to an entity changes its class file, and so its length
 * or, but for a chance of one in four billion, its CRC-32.
 *
 * <p>A jar's directory already holds the length and CRC-32 of every entry, so the fingerprint of the app's jar (how
 * the ctem command runs) reads no class file; classes from a folder (tests, an IDE) are read and their CRC-32
 * computed, which gives the same fingerprint. Reading every annotation back by reflection, then hashing every class
 * file whole, cost a short command a sixth, then a twentieth of its start (BENCHMARKS.md, fast start; ADR 047).
 */
final class SchemaFingerprint {

    /** Characters kept: 80 bits, and the width of the column that stores it. */
    static final int LENGTH = 20;

    private SchemaFingerprint() {
    }

    static String of(List<Class<? extends RawEntity<?>>> entities) {
        StringBuilder text = new StringBuilder(library());
        Map<Path, ZipFile> jars = new HashMap<>();
        try {
            for (Class<?> entity : entities) {
                text.append('\n').append(entity.getName()).append(' ').append(classFile(entity, jars));
            }
        } finally {
            jars.values().forEach(SchemaFingerprint::closeQuietly);
        }
        return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)))
                .substring(0, LENGTH);
    }

    /** An entity's class file as length and CRC-32: from its jar's directory, else read from where it was loaded. */
    private static String classFile(Class<?> entity, Map<Path, ZipFile> jars) {
        String name = entity.getName().replace('.', '/') + ".class";
        Path jar = jarOf(entity);
        if (jar != null) {
            String fromJar = fromJar(jars.computeIfAbsent(jar, SchemaFingerprint::openJar), name);
            if (fromJar != null) {
                return fromJar;
            }
        }
        ClassLoader loader = entity.getClassLoader() == null ? ClassLoader.getSystemClassLoader()
                : entity.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the class file of entity " + entity.getName() + " cannot be read");
            }
            return fromBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the class file of entity " + entity.getName(), e);
        }
    }

    /** The length and CRC-32 a jar's directory records for an entry, or null when it has no such entry. */
    static String fromJar(ZipFile jar, String entryName) {
        ZipEntry entry = jar.getEntry(entryName);
        return entry == null || entry.getSize() < 0 || entry.getCrc() < 0 ? null
                : identity(entry.getSize(), entry.getCrc());
    }

    /** The length and CRC-32 of a class file's bytes. */
    static String fromBytes(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return identity(bytes.length, crc.getValue());
    }

    private static String identity(long length, long crc) {
        return length + ":" + Long.toHexString(crc);
    }

    /** The jar a class was loaded from, or null when it came from a folder or elsewhere. */
    private static Path jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
            return null;
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ZipFile openJar(Path jar) {
        try {
            return new ZipFile(jar.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the entities' jar " + jar, e);
        }
    }

    private static void closeQuietly(ZipFile jar) {
        try {
            jar.close();
        } catch (IOException e) {
            // read only: nothing was written to it
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The Active Objects jar the schema is generated by (its file name carries the version). */
    private static String library() {
        var source = EntityManager.class.getProtectionDomain().getCodeSource();
        return source == null ? "activeobjects" : source.getLocation().getPath()
                .replaceFirst(".*/", "");
    }
}
