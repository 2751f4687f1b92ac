package io.mmf4j.internal.sharedheap;

import static io.mmf4j.internal.sharedheap.SharedHeapDescriptor.*;

import java.lang.foreign.MemorySegment;

/**
 * The names of a shared heap: a hash table of chains of ENTRY blocks (see {@link SharedHeapDescriptor}). An
 * entry is linked into its chain by one store of its bucket (or predecessor), and unlinked by one store of its
 * predecessor, so a chain is always whole. Every call needs the heap mutex held. Not thread-safe by itself.
 */
final class NameTable {
    private final BlockSpace space;
    private final MemorySegment heap;

    NameTable(BlockSpace space) {
        this.space = space;
        this.heap = space.heap;
    }

    static int hash(String name) {
        int h = name.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    int bucket(int hash) {
        return hash & (space.buckets - 1);
    }

    long bucketSlot(int bucket) {
        return space.bucketsOffset + 8L * bucket;
    }

    /** The most chain steps a sound heap can need: every entry takes a block of at least MIN_BLOCK bytes. */
    long maxSteps() {
        return (space.size - space.dataStart) / MIN_BLOCK + 1;
    }

    /** The entry block named {@code name}, or 0. */
    long find(String name) {
        int hash = hash(name);
        long top = space.top();
        long e = Cells.get(heap, bucketSlot(bucket(hash)));
        for (long steps = maxSteps(); e != 0; steps--) {
            if (steps == 0) {
                throw space.corrupt("a name chain that loops", bucketSlot(bucket(hash)));
            }
            checkEntry(e, top);
            if (Cells.getInt(heap, e + ENTRY_HASH_OFFSET) == hash && sameName(e, name)) {
                return e;
            }
            e = Cells.get(heap, e + ENTRY_NEXT_OFFSET);
        }
        return 0;
    }

    /** Checks that {@code e} is an ENTRY block whose name fits it. */
    void checkEntry(long e, long top) {
        long word = space.word(e, top);
        int length = Cells.getInt(heap, e + ENTRY_NAME_LENGTH_OFFSET);
        if ((word & STATE_MASK) != ENTRY || length <= 0 || length > MAX_NAME_LENGTH
                || ENTRY_NAME_OFFSET + 2L * length > (word & SIZE_MASK)) {
            throw space.corrupt("name entry", e);
        }
    }

    private boolean sameName(long e, String name) {
        if (Cells.getInt(heap, e + ENTRY_NAME_LENGTH_OFFSET) != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (heap.get(java.lang.foreign.ValueLayout.JAVA_CHAR, e + ENTRY_NAME_OFFSET + 2L * i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String name(long e) {
        int length = Cells.getInt(heap, e + ENTRY_NAME_LENGTH_OFFSET);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = heap.get(java.lang.foreign.ValueLayout.JAVA_CHAR, e + ENTRY_NAME_OFFSET + 2L * i);
        }
        return new String(chars);
    }

    static long entryBytes(String name) {
        return ENTRY_NAME_OFFSET - BLOCK_HEADER + 2L * name.length();
    }

    /** Fills the fresh entry block {@code e} and links it at the head of its chain (the one commit store). */
    void link(long e, String name, long target, long owner) {
        int hash = hash(name);
        long slot = bucketSlot(bucket(hash));
        Cells.put(heap, e + ENTRY_TARGET_OFFSET, target);
        Cells.put(heap, e + ENTRY_OWNER_OFFSET, owner);
        Cells.putInt(heap, e + ENTRY_HASH_OFFSET, hash);
        Cells.putInt(heap, e + ENTRY_NAME_LENGTH_OFFSET, name.length());
        for (int i = 0; i < name.length(); i++) {
            heap.set(java.lang.foreign.ValueLayout.JAVA_CHAR, e + ENTRY_NAME_OFFSET + 2L * i, name.charAt(i));
        }
        Cells.put(heap, e + ENTRY_NEXT_OFFSET, Cells.get(heap, slot));
        Cells.put(heap, slot, e);
    }

    /** Unlinks entry {@code e} from its chain if it is linked; true if it was. */
    boolean unlink(long e) {
        int hash = Cells.getInt(heap, e + ENTRY_HASH_OFFSET);
        long prevNext = bucketSlot(bucket(hash));
        long top = space.top();
        long at = Cells.get(heap, prevNext);
        for (long steps = maxSteps(); at != 0; steps--) {
            if (steps == 0) {
                throw space.corrupt("a name chain that loops", prevNext);
            }
            checkEntry(at, top);
            long next = Cells.get(heap, at + ENTRY_NEXT_OFFSET);
            if (at == e) {
                Cells.put(heap, prevNext, next);
                return true;
            }
            prevNext = at + ENTRY_NEXT_OFFSET;
            at = next;
        }
        return false;
    }
}
