package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileIdentity;
import io.mmf4j.internal.platform.HeldObject;
import io.mmf4j.internal.platform.NamedObjectStore;
import io.mmf4j.internal.platform.ObjectPermissions;
import io.mmf4j.internal.platform.StoreLocation;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The named-object store of Linux: a namespace is a directory (under {@code /dev/shm} by default, the system
 * property {@code mmf4j.namespace.root} moves it) with one file per live object, named by its key.
 *
 * <ul>
 *   <li><b>Modes.</b> {@code local()} and {@code at(dir)} are owner-only (directory 0700, files 0600); the
 *       global directory is sticky and world-writable (01777, like /tmp) and its files get the creator's
 *       {@link ObjectPermissions} as mode bits. {@link NamespaceDirectory} checks a directory before first use.</li>
 *   <li><b>Holders.</b> Each {@link HeldObject} keeps the file open with a shared {@code flock}; the kernel
 *       drops it when the handle closes or its process dies. A file whose exclusive lock can be taken has no
 *       holder left: it is dead, and whoever finds it so unlinks it. Holder counts come from
 *       {@code /proc/locks} ({@link LinuxHolders}).</li>
 *   <li><b>Atomic creation.</b> A new object is an unnamed file (O_TMPFILE), built, locked, and only then
 *       linked to its name: no process ever sees a half-made object, and a creator that dies half-way leaves
 *       nothing behind.</li>
 *   <li><b>Removal.</b> Every unlink — removal or reclamation — goes through {@link NameRemoval}, which checks
 *       under a per-directory lock that the name still names the file in question.</li>
 *   <li><b>Opening.</b> An opener that got its lock re-checks that the name still names its file (the last
 *       holder may have reclaimed it in between), and retries if not.</li>
 * </ul>
 *
 * <p>Thread-safe; immutable but for the cache of checked directories.
 */
final class LinuxNamedObjects implements NamedObjectStore {
    private static final int OWNER_ONLY_DIRECTORY = 0700;
    private static final int GLOBAL_DIRECTORY = 01777;
    /**
     * Every look at a namespace entry or a line of the holder table (opened, probed, stat'ed, listed, parsed):
     * the work that could grow with the namespace or the machine. Read by the scaling test.
     */
    static final java.util.concurrent.atomic.LongAdder OPERATIONS = new java.util.concurrent.atomic.LongAdder();
    /** How many dead objects a sweep unlinks under one taking of the removal lock. */
    private static final int SWEEP_BATCH = 64;

    private final LinuxProcesses processes;

    LinuxNamedObjects(LinuxProcesses processes) {
        this.processes = processes;
    }

    private static Path root() {
        return Path.of(System.getProperty("mmf4j.namespace.root", "/dev/shm"));
    }

    @Override
    public StoreLocation local() {
        return new StoreLocation(root().resolve("mmf4j-" + Integer.toUnsignedString(processes.userId())), false,
                ObjectPermissions.OWNER_ONLY);
    }

    @Override
    public StoreLocation global(ObjectPermissions permissions) {
        return new StoreLocation(root().resolve("mmf4j-global"), true, permissions);
    }

    @Override
    public StoreLocation at(Path directory) {
        return new StoreLocation(directory, false, ObjectPermissions.OWNER_ONLY);
    }

    @Override
    public Path pathOf(StoreLocation location, String key) {
        return location.directory().resolve(key);
    }

    /** The mode bits of an object's file: owner read-write always, execute never. */
    static int fileMode(ObjectPermissions permissions) {
        return 0600 | (permissions.groupRead() ? 040 : 0) | (permissions.groupWrite() ? 020 : 0)
                | (permissions.othersRead() ? 04 : 0) | (permissions.othersWrite() ? 02 : 0);
    }

    private void ready(StoreLocation location) throws IOException {
        NamespaceDirectory.ensure(location.directory(), location.global() ? GLOBAL_DIRECTORY : OWNER_ONLY_DIRECTORY,
                location.global(), processes.userId());
    }

    @Override
    public HeldObject create(StoreLocation location, String key, String name, ObjectBuilder builder)
            throws IOException {
        ready(location);
        Path directory = location.directory();
        if (SweepSchedule.claim(directory)) {
            sweep(location); // amortised: see SweepSchedule; the name being created is reclaimed below if dead
        }
        Path path = pathOf(location, key);
        LinuxFile file = LinuxNames.createUnnamed(directory, fileMode(location.permissions()));
        try {
            builder.build(file);
            file.lockShared();
            while (true) {
                try {
                    OPERATIONS.increment();
                    LinuxNames.link(file, path);
                    return new LinuxHeldObject(directory, path, file);
                } catch (FileAlreadyExistsException taken) {
                    if (!reclaimIfDead(directory, path)) {
                        throw new FileAlreadyExistsException(name, null,
                                "a live named object of this name exists in " + directory);
                    }
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                file.close(); // unnamed: closing it frees everything
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public HeldObject open(StoreLocation location, String key, String name, boolean writable) throws IOException {
        ready(location);
        Path directory = location.directory();
        Path path = pathOf(location, key);
        while (true) {
            OPERATIONS.increment();
            LinuxFile file;
            try {
                file = LinuxNames.openNoFollow(path, writable ? FileAccess.READ_WRITE : FileAccess.READ);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(name, null, "no live named object of this name in " + directory);
            }
            try {
                if (file.tryLockExclusive()) { // no holder: dead since its last holder died; reclaim it
                    NameRemoval.Outcome outcome = NameRemoval.unlinkIfNames(directory, path, file);
                    file.close();
                    if (outcome == NameRemoval.Outcome.NOT_NAMED) {
                        continue; // removed (and maybe re-created) since we opened it: look again
                    }
                    throw new NoSuchFileException(name, null, "no live named object of this name in " + directory
                            + " (a dead one was reclaimed)");
                }
                file.lockShared();
                FileIdentity held = file.identity();
                Optional<FileIdentity> named = LinuxNames.identity(path);
                if (held.links() == 0 || named.isEmpty() || !named.get().sameFile(held)) {
                    file.close(); // reclaimed (and maybe re-created) between open and lock: look again
                    continue;
                }
                return new LinuxHeldObject(directory, path, file);
            } catch (IOException | RuntimeException | Error e) {
                try {
                    file.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    @Override
    public HeldObject adopt(io.mmf4j.internal.platform.OsFile file, Path path, boolean writable) throws IOException {
        LinuxFile linux = LinuxFile.of(file);
        linux.lockShared();
        return new LinuxHeldObject(path.getParent(), path, linux);
    }

    @Override
    public void remove(StoreLocation location, String key, String name) throws IOException {
        ready(location);
        NameRemoval.remove(location.directory(), pathOf(location, key), name);
    }

    /**
     * One pass: the holder table is read once; an entry the table shows as held is passed over without a call
     * (by the inode the directory gives), any other is opened and probed exclusively, and the dead are unlinked
     * in batches ({@link NameRemoval#unlinkAllIfNamed}). A holder that died after the table was read is left
     * for the next sweep.
     */
    @Override
    public int sweep(StoreLocation location) throws IOException {
        ready(location);
        Path directory = location.directory();
        java.util.List<NameRemoval.Dead> batch = new java.util.ArrayList<>(SWEEP_BATCH);
        int reclaimed = 0;
        long started = System.nanoTime();
        try (NamespaceScan scan = NamespaceScan.open(directory)) {
            InodeCounts holders = LinuxHolders.onDevice(scan.device());
            try {
                while (scan.next()) {
                    OPERATIONS.increment();
                    if (holders.get(scan.inode()) != 0) {
                        continue;
                    }
                    LinuxFile file = scan.openEntry();
                    if (file == null) {
                        continue;
                    }
                    if (holders.get(file.identityAtOpen().inode()) != 0 || !file.tryLockExclusive()) {
                        file.close();
                        continue;
                    }
                    // dead: it stays open and locked until its name is gone
                    batch.add(new NameRemoval.Dead(scan.copyName(), file));
                    if (batch.size() == SWEEP_BATCH) {
                        reclaimed += reclaimBatch(scan, batch);
                    }
                }
                reclaimed += reclaimBatch(scan, batch);
            } finally {
                for (NameRemoval.Dead dead : batch) {
                    dead.file().closeQuietly();
                }
            }
        } finally {
            SweepSchedule.swept(directory, System.nanoTime() - started);
        }
        return reclaimed;
    }

    /** Unlinks a batch of dead objects under one taking of the removal lock, then closes them. */
    private static int reclaimBatch(NamespaceScan scan, java.util.List<NameRemoval.Dead> batch) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return NameRemoval.unlinkAllIfNamed(scan, batch);
        } finally {
            for (NameRemoval.Dead dead : batch) {
                dead.file().closeQuietly(); // outside the lock: the last close of a dead object frees its memory
            }
            batch.clear();
        }
    }

    /**
     * One pass: the holder table is read once, then each entry is opened (never following a link) and stat'ed.
     * An entry that shows no holder may have gained one since the table was read (a creation links after
     * locking, so a creation or an open racing the listing can), or the table may have lost its line: it is
     * probed exclusively before anything is reclaimed, and if held after all its count is read from a second
     * reading of the table, made at most once per listing (a newer object not in it counts 1: its creator).
     */
    @Override
    public void forEachLive(StoreLocation location, LiveObjectVisitor visitor) throws IOException {
        ready(location);
        Path directory = location.directory();
        long started = System.nanoTime();
        try (NamespaceScan scan = NamespaceScan.open(directory)) {
            InodeCounts holders = LinuxHolders.onDevice(scan.device());
            InodeCounts again = null;
            while (scan.next()) {
                OPERATIONS.increment();
                LinuxFile file = scan.openEntry();
                if (file == null) {
                    continue;
                }
                try {
                    long inode = file.identityAtOpen().inode();
                    int count = holders.get(inode);
                    if (count == 0) {
                        if (reclaimIfDead(directory, scan.path(), file)) {
                            continue;
                        }
                        if (again == null) {
                            again = LinuxHolders.onDevice(scan.device());
                        }
                        count = Math.max(1, again.get(inode));
                    }
                    visitor.visit(file, scan.size(), count);
                } finally {
                    file.close();
                }
            }
        } finally {
            SweepSchedule.swept(directory, System.nanoTime() - started);
        }
    }

    /** Unlinks {@code path} if no handle holds its file; true if it is gone (now or already). */
    static boolean reclaimIfDead(Path directory, Path path) throws IOException {
        OPERATIONS.increment();
        LinuxFile file;
        try {
            file = LinuxNames.openNoFollow(path, FileAccess.READ);
        } catch (NoSuchFileException gone) {
            return true;
        } catch (AccessDeniedException notOurs) {
            return false;
        }
        try (file) {
            return reclaimIfDead(directory, path, file);
        }
    }

    /** As {@link #reclaimIfDead(Path, Path)} with {@code path} already open as {@code file} (the caller closes it). */
    private static boolean reclaimIfDead(Path directory, Path path, LinuxFile file) throws IOException {
        if (!file.tryLockExclusive()) {
            return false;
        }
        // gone unless the OS refused: unlinked now, or no longer named (removed by someone else meanwhile)
        return NameRemoval.unlinkIfNames(directory, path, file) != NameRemoval.Outcome.REFUSED;
    }
}
