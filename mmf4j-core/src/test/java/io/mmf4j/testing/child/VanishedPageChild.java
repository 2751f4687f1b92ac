package io.mmf4j.testing.child;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileOptions;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.MemoryMappedViewStream;
import io.mmf4j.SharedNamespace;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the pages at offset 4096 of a map vanish, then tries every accessor on them, three times each (so that
 * in the default mode the first call runs interpreted). Prints one line per accessor, "name: Outcome", where the
 * outcome is the simple name of what was thrown (or "ok"), then "done". A JVM abort shows as a missing "done".
 *
 * <p>Modes: {@code truncate FILE} maps an 8 KiB file and has the {@code truncate} program cut it to 0;
 * {@code full DIR} creates a DELAY_ALLOCATE_PAGES named map in a namespace on a small tmpfs at DIR and fills
 * the tmpfs with another file first, so that the map's pages at 4096 cannot be allocated.
 */
public final class VanishedPageChild {
    record Pair(long a, long b) {}

    interface Op {
        void run(MemoryMappedViewAccessor view, MemoryMappedViewStream stream) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        MemoryMappedFile map;
        if (args[0].equals("truncate")) {
            Path file = Path.of(args[1]);
            java.nio.file.Files.write(file, new byte[8192]);
            map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
        } else {
            SharedNamespace namespace = SharedNamespace.at(Path.of(args[1], "ns"));
            map = MemoryMappedFile.createNew(namespace, "delayed", 1 << 20, MemoryMappedFileAccess.READ_WRITE,
                    MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES);
        }
        MemoryMappedViewAccessor view = map.createViewAccessor();
        MemoryMappedViewStream stream = map.createViewStream();
        view.putLong(0, 7); // the first page is there in both modes
        if (args[0].equals("truncate")) {
            Process truncate = new ProcessBuilder("truncate", "-s", "0", args[1]).inheritIO().start();
            if (truncate.waitFor() != 0) {
                throw new IllegalStateException("truncate failed");
            }
        } else {
            Process fill = new ProcessBuilder("sh", "-c", "cat /dev/zero > " + args[1] + "/filler").start();
            fill.waitFor(); // ends with ENOSPC: the tmpfs is full
        }
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("getByte", (v, s) -> v.getByte(4096));
        ops.put("getLong", (v, s) -> v.getLong(4096));
        ops.put("putLong", (v, s) -> v.putLong(4096, 1));
        ops.put("readArray", (v, s) -> v.readArray(4096, new long[4], 0, 4));
        ops.put("writeArray", (v, s) -> v.writeArray(4096, new byte[64], 0, 64));
        ops.put("readRecord", (v, s) -> v.read(4096, Pair.class));
        ops.put("writeRecord", (v, s) -> v.write(4096, new Pair(1, 2)));
        ops.put("getLongVolatile", (v, s) -> v.getLongVolatile(4096));
        ops.put("putLongVolatile", (v, s) -> v.putLongVolatile(4096, 1));
        ops.put("getIntAcquire", (v, s) -> v.getIntAcquire(4096));
        ops.put("putIntRelease", (v, s) -> v.putIntRelease(4096, 1));
        ops.put("compareAndSetLong", (v, s) -> v.compareAndSetLong(4096, 0, 1));
        ops.put("compareAndSetInt", (v, s) -> v.compareAndSetInt(4100, 0, 1));
        ops.put("getAndAddLong", (v, s) -> v.getAndAddLong(4104, 1));
        ops.put("getAndAddInt", (v, s) -> v.getAndAddInt(4112, 1));
        ops.put("getAndSetLong", (v, s) -> v.getAndSetLong(4120, 1));
        ops.put("getAndSetInt", (v, s) -> v.getAndSetInt(4128, 1));
        ops.put("streamReadLong", (v, s) -> s.position(4096).readLong());
        ops.put("streamWriteLong", (v, s) -> s.position(4096).writeLong(1));
        ops.put("streamRead", (v, s) -> s.position(4096).read(ByteBuffer.allocate(64)));
        ops.put("inputStream", (v, s) -> s.position(4096).asInputStream().read(new byte[64]));
        ops.put("segmentGet", (v, s) -> v.segment().get(ValueLayout.JAVA_LONG, 4096));
        for (Map.Entry<String, Op> op : ops.entrySet()) {
            String outcome = null;
            for (int round = 0; round < 3; round++) {
                String now;
                try {
                    op.getValue().run(view, stream);
                    now = "ok";
                } catch (Throwable thrown) {
                    now = thrown.getClass().getSimpleName();
                }
                if (outcome == null || outcome.equals("ok")) {
                    outcome = now; // a fault delivered a little late shows on the next round
                }
            }
            System.out.println(op.getKey() + ": " + outcome);
            System.out.flush();
        }
        System.out.println("done");
        System.out.flush();
        try {
            view.close();
            stream.close();
            map.close();
        } catch (Throwable ignored) {
            // flushing vanished pages may fail; the test is about the accesses
        }
    }
}
