package io.mmf4j.internal.sharedheap;

import static io.mmf4j.internal.sharedheap.SharedHeapDescriptor.*;

import io.mmf4j.heap.HeapEntry;
import io.mmf4j.heap.HeapEntryKind;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks at a heap without changing it: {@link #validate()} checks every invariant the crash protocol keeps, and
 * {@link #walk()} lists the blocks. Needs the heap mutex. Not thread-safe by itself; one use per instance.
 */
final class Inspector {
    private final BlockSpace space;
    private final NameTable names;
    private final MemorySegment heap;

    Inspector(BlockSpace space, NameTable names) {
        this.space = space;
        this.names = names;
        this.heap = space.heap;
    }

    /** Blocks tile [DATA_START, TOP); lists, bitmap, names, flags and counters agree with the blocks. */
    boolean validate() {
        try {
            return check();
        } catch (HeapCorruptedException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private boolean check() {
        if (Cells.getInt(heap, INTENT_OP_OFFSET) != OP_NONE || Cells.get(heap, CAPACITY_OFFSET) != space.size) {
            return false;
        }
        long top = space.top();
        Map<Long, Integer> blocks = new HashMap<>(); // block offset -> state
        long allocated = 0;
        long busy = 0;
        long freeBlocks = 0;
        for (long at = space.dataStart; at < top; ) {
            long word = space.word(at, top);
            int state = (int) (word & STATE_MASK);
            boolean user = state == BUSY || state == BUSY_NAMED;
            if (space.bit(at) != user) {
                return false;
            }
            if (user) {
                allocated += space.request(at);
                busy++;
            } else if (state == FREE) {
                freeBlocks++;
            }
            blocks.put(at, state);
            at += word & SIZE_MASK;
        }
        if (allocated != Cells.get(heap, ALLOCATED_OFFSET) || busy != Cells.get(heap, BUSY_COUNT_OFFSET)) {
            return false;
        }
        long listed = 0;
        for (int c = 0; c < CLASSES; c++) {
            long b = Cells.get(heap, FREE_HEADS_OFFSET + 8L * c);
            while (b != 0) {
                Integer state = blocks.remove(b); // removed: a block on two lists, or twice on one, fails here
                if (state == null || state != FREE || floorClass(Cells.get(heap, b) & SIZE_MASK) != c) {
                    return false;
                }
                listed++;
                b = Cells.get(heap, b + NEXT_FREE_OFFSET);
            }
        }
        if (listed != freeBlocks) {
            return false;
        }
        return checkNames(top, blocks);
    }

    /** Every entry block is on its chain once, names a busy block flagged NAMED, and every NAMED block is named. */
    private boolean checkNames(long top, Map<Long, Integer> blocks) {
        long entries = 0;
        long named = 0;
        for (int state : blocks.values()) {
            entries += state == ENTRY ? 1 : 0;
            named += state == BUSY_NAMED ? 1 : 0;
        }
        long seen = 0;
        for (int bucket = 0; bucket < space.buckets; bucket++) {
            long e = Cells.get(heap, names.bucketSlot(bucket));
            while (e != 0) {
                Integer state = blocks.remove(e);
                if (state == null || state != ENTRY) {
                    return false;
                }
                names.checkEntry(e, top);
                if (names.bucket(Cells.getInt(heap, e + ENTRY_HASH_OFFSET)) != bucket) {
                    return false;
                }
                long target = Cells.get(heap, e + ENTRY_TARGET_OFFSET) - BLOCK_HEADER;
                Integer targetState = blocks.get(target);
                if (targetState == null || targetState != BUSY_NAMED
                        || (Cells.get(heap, target + REQUEST_OFFSET) >>> 48) != bucket) {
                    return false;
                }
                seen++;
                e = Cells.get(heap, e + ENTRY_NEXT_OFFSET);
            }
        }
        return seen == entries && seen == named && seen == Cells.get(heap, NAME_COUNT_OFFSET);
    }

    /** The REGION, then each block in address order, then the never-used tail as one FREE entry. */
    List<HeapEntry> walk() {
        List<HeapEntry> out = new ArrayList<>();
        out.add(new HeapEntry(0, space.size, (int) space.dataStart, 0, HeapEntryKind.REGION));
        long top = space.top();
        for (long at = space.dataStart; at < top; ) {
            long word = space.word(at, top);
            long blockSize = word & SIZE_MASK;
            long handle = at + BLOCK_HEADER;
            int state = (int) (word & STATE_MASK);
            if (state == FREE) {
                out.add(new HeapEntry(handle, blockSize - BLOCK_HEADER, (int) BLOCK_HEADER, 0, HeapEntryKind.FREE));
            } else {
                long request = state == ENTRY ? blockSize - BLOCK_HEADER : space.request(at);
                out.add(new HeapEntry(handle, request, (int) Math.min(Integer.MAX_VALUE, blockSize - request), 0,
                        HeapEntryKind.BUSY));
            }
            at += blockSize;
        }
        if (space.size - top >= MIN_BLOCK) {
            out.add(new HeapEntry(top + BLOCK_HEADER, space.size - top - BLOCK_HEADER, (int) BLOCK_HEADER, 0,
                    HeapEntryKind.FREE));
        }
        return out;
    }
}
