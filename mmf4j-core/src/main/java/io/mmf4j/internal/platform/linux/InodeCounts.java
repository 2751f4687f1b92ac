package io.mmf4j.internal.platform.linux;

/**
 * Holder counts by inode, as one reading of the holder table found them: an open-addressing table of primitive
 * keys and counts, so that counting the ten thousand holders of a large namespace makes no object per holder.
 * Not thread-safe: made and read by one listing or sweep.
 */
final class InodeCounts {
    private static final long EMPTY = -1; // no inode is -1: the table's inodes are parsed as unsigned 18-digit numbers

    private long[] keys = filled(64);
    private int[] counts = new int[64];
    private int size;

    private static long[] filled(int capacity) {
        long[] keys = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY);
        return keys;
    }

    private static int slot(long inode, int mask) {
        long h = inode * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }

    /** Counts one more holder of {@code inode} (not negative). */
    void add(long inode) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(inode, mask);
        while (keys[i] != EMPTY && keys[i] != inode) {
            i = i + 1 & mask;
        }
        if (keys[i] == EMPTY) {
            keys[i] = inode;
            size++;
        }
        counts[i]++;
    }

    /** The holders counted for {@code inode}; 0 if none. */
    int get(long inode) {
        int mask = keys.length - 1;
        for (int i = slot(inode, mask); keys[i] != EMPTY; i = i + 1 & mask) {
            if (keys[i] == inode) {
                return counts[i];
            }
        }
        return 0;
    }

    /** How many inodes have a holder. */
    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = filled(oldKeys.length * 2);
        counts = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != EMPTY) {
                    i = i + 1 & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }
}
