package org.ctemcycles.cli;

import org.ctemcycles.core.audit.AnchorKeySource;
import org.ctemcycles.core.audit.LogAnchor;
import org.ctemcycles.core.common.InvalidInputException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The command line's anchor key: 32 random bytes as hex in a file beside the database ({@code ctem.anchor.key} for
 * {@code ctem.mv.db}), made on first use readable and writable by its owner only. Someone who copies or edits the
 * database without this file cannot write the anchors of a re-hashed activity log. A key file that is not 64 hex
 * digits, or that others may read or write, is refused rather than used or replaced: replacing it would make every
 * existing anchor fail verification.
 */
final class AnchorKeyFile implements AnchorKeySource {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final String noun;
    private final String guards;

    AnchorKeyFile(Path file) {
        this(file, "anchor key", "the activity log is anchored with it");
    }

    /**
     * The same kind of key file for another secret of the command line.
     *
     * @param noun   what the key is, as errors name it ("sources key")
     * @param guards what the key is used for, as errors say it ("the sources' tokens are sealed with it")
     */
    AnchorKeyFile(Path file, String noun, String guards) {
        this.file = file;
        this.noun = noun;
        this.guards = guards;
    }

    Path file() {
        return file;
    }

    @Override
    public Optional<AnchorKey> key() {
        try {
            if (Files.exists(file)) {
                return Optional.of(new AnchorKey(read(), false));
            }
            return Optional.of(make());
        } catch (IOException e) {
            throw new InvalidInputException(noun, "cannot read or make " + file + ": " + e.getMessage());
        }
    }

    private byte[] read() throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).stream().allMatch(OWNER_ONLY::contains)) {
            throw new InvalidInputException(noun, file + " may be read or written by others than its owner;"
                    + " make it owner-only (chmod 600) before " + guards);
        }
        String text = Files.readString(file).strip();
        if (!text.matches("([0-9a-fA-F]{2}){" + LogAnchor.MIN_KEY_BYTES + ",}")) {
            throw new InvalidInputException(noun, file + " does not hold a key (at least "
                    + 2 * LogAnchor.MIN_KEY_BYTES + " hex digits); restore the file that held the " + noun);
        }
        return HexFormat.of().parseHex(text);
    }

    private AnchorKey make() throws IOException {
        byte[] key = new byte[LogAnchor.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileAttribute<?>[] attributes = posix()
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        try {
            Files.createFile(file, attributes);
        } catch (FileAlreadyExistsException e) {
            return new AnchorKey(read(), false); // another ctem made it at the same moment
        }
        Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        return new AnchorKey(key, true);
    }

    private boolean posix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
