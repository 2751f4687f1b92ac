package io.mmf4j.internal.sync;

import io.mmf4j.internal.platform.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who owns a mutex: the owner word {@code pid:32 | start:8 | thread:24} of a Java thread of this process, and
 * the watch that abandons the mutexes of threads that end while holding them.
 *
 * <p>The owner is the Java {@link Thread} (a thread-local token), never the OS thread, so a virtual thread that
 * moves between carriers keeps its mutexes. {@code start} is the low 8 bits of the process's start time: a
 * waiter that finds the pid running compares them to tell the owner from a later process that reuses its pid;
 * {@code thread} tokens count from a random start per process, so that such a process, should its 8 start bits
 * match, still does not take the dead owner's word for its own.
 *
 * <p>Thread death: each thread that ever holds a mutex gets a {@link ThreadRecord} with a count of the mutexes
 * it holds (written only by that thread). A daemon thread, {@code mmf4j-mutex-watch}, looks every
 * {@link #WATCH_INTERVAL_MILLIS} ms at the records of ended threads with a non-zero count, and releases their
 * mutexes as abandoned. Thread-safe.
 */
final class Owners {
    static final long WATCH_INTERVAL_MILLIS = 50;
    private static final int TOKEN_MASK = (1 << 24) - 1;
    private static final Platform PLATFORM = Platform.current();
    static final long PID = PLATFORM.processes().processId();
    private static final long START_BITS = PLATFORM.processes().processStartStamp(PID) & 0xFF;
    private static final long PROCESS_PART = (PID << 32) | (START_BITS << 24);

    /**
     * Thread tokens start at a random point per process: a later process that reuses a dead owner's pid, with the
     * same 8 start bits (1 in 256), would otherwise give its first thread the dead owner's word (token 1 in every
     * process), take the held mutex for a re-entrant hold of its own, and never free it. Now it must also draw the
     * same 24-bit token (1 in 2^24).
     */
    private static final AtomicInteger NEXT_TOKEN =
            new AtomicInteger(java.util.concurrent.ThreadLocalRandom.current().nextInt());
    private static final ThreadLocal<ThreadRecord> CURRENT = ThreadLocal.withInitial(Owners::newRecord);
    private static final ConcurrentLinkedQueue<ThreadRecord> RECORDS = new ConcurrentLinkedQueue<>();
    /** The mutexes open in this process: where the watch looks for an ended thread's mutexes. */
    private static final Set<MutexCore> OPEN = ConcurrentHashMap.newKeySet();
    /** Closed handles whose mutex a thread of this process still held at close; guarded by itself. */
    private static final Map<MutexCore, SyncBlock> CLOSING = new HashMap<>();
    private static final Object WATCH_LOCK = new Object();
    private static Thread watch; // guarded by WATCH_LOCK

    private Owners() {}

    /** What this process knows about one Java thread that has locked a named mutex. */
    static final class ThreadRecord {
        final Thread thread;
        final long word;
        /** Mutexes this thread holds; written by that thread only, read by the watch after the thread ended. */
        int held;

        ThreadRecord(Thread thread, long word) {
            this.thread = thread;
            this.word = word;
        }
    }

    /** The calling Java thread's record (its owner word is {@code current().word}). */
    static ThreadRecord current() {
        return CURRENT.get();
    }

    private static ThreadRecord newRecord() {
        int token;
        do {
            token = NEXT_TOKEN.incrementAndGet() & TOKEN_MASK;
        } while (token == 0); // a token of 0 would make an owner word that could read as "free" for pid 0
        ThreadRecord record = new ThreadRecord(Thread.currentThread(), PROCESS_PART | token);
        RECORDS.add(record);
        startWatch();
        return record;
    }

    static void opened(MutexCore core) {
        OPEN.add(core);
    }

    /**
     * The handle of {@code core} was closed: release {@code block} now, or, while a thread of this process holds
     * the mutex, once it no longer does, so the watch can still abandon it if that thread ends holding it.
     */
    static void closed(MutexCore core, SyncBlock block) {
        synchronized (CLOSING) {
            if (core.heldLocally()) {
                CLOSING.put(core, block);
                return;
            }
            OPEN.remove(core);
        }
        block.release();
    }

    /** Whether {@code owner} is a thread of this process. */
    static boolean isLocal(long owner) {
        return (owner & ~(long) TOKEN_MASK) == PROCESS_PART;
    }

    /**
     * Whether the process of {@code owner} is gone: not running, a zombie, or its pid now names a later process.
     * A thread of a live process is judged by that process's own watch, not here.
     */
    static boolean processGone(long owner) {
        if (isLocal(owner)) {
            return false;
        }
        long stamp = PLATFORM.processes().processStartStamp(owner >>> 32);
        return stamp < 0 || (stamp & 0xFF) != ((owner >>> 24) & 0xFF);
    }

    private static void startWatch() {
        synchronized (WATCH_LOCK) {
            if (watch == null) {
                watch = Thread.ofPlatform().daemon().name("mmf4j-mutex-watch").start(Owners::watchLoop);
            }
        }
    }

    private static void watchLoop() {
        while (true) {
            try {
                Thread.sleep(WATCH_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                sweep();
            } catch (RuntimeException | Error e) { // the watch must not die: every later abandonment depends on it
                System.getLogger("io.mmf4j.sync").log(System.Logger.Level.ERROR, "mmf4j-mutex-watch", e);
            }
        }
    }

    /** Abandons the mutexes of ended threads, then lets go of closed handles nobody here holds any more. */
    private static void sweep() {
        for (var records = RECORDS.iterator(); records.hasNext(); ) {
            ThreadRecord record = records.next();
            if (!record.thread.isAlive()) {
                // Thread termination happens-before isAlive() == false, so record.held is up to date.
                if (record.held > 0) {
                    for (MutexCore core : OPEN) {
                        abandonQuietly(core, record.word);
                    }
                }
                records.remove();
            }
        }
        releaseClosed();
    }

    /** The watch must outlive any one mutex: a block unmapped by a racing close just has nothing to abandon. */
    private static void abandonQuietly(MutexCore core, long word) {
        try {
            core.abandon(word);
        } catch (IllegalStateException | java.io.UncheckedIOException closedMeanwhile) {
            // the handle was closed and its memory unmapped after we listed it
        }
    }

    private static boolean heldLocallyQuietly(MutexCore core) {
        try {
            return core.heldLocally();
        } catch (IllegalStateException closedMeanwhile) {
            return false;
        }
    }

    private static void releaseClosed() {
        List<SyncBlock> free = new ArrayList<>();
        synchronized (CLOSING) {
            var entries = CLOSING.entrySet().iterator();
            while (entries.hasNext()) {
                var entry = entries.next();
                if (!heldLocallyQuietly(entry.getKey())) {
                    OPEN.remove(entry.getKey());
                    free.add(entry.getValue());
                    entries.remove();
                }
            }
        }
        free.forEach(SyncBlock::release);
    }
}
