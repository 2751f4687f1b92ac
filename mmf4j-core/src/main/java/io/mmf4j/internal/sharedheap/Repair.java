package io.mmf4j.internal.sharedheap;

import static io.mmf4j.internal.sharedheap.SharedHeapDescriptor.*;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Brings a heap back to a sound state after an operation was cut short (its process died holding the mutex, or
 * it threw), and coalesces free space. The blocks and the name chains are the truth; everything else is derived
 * from them here:
 *
 * <ol>
 * <li>The blocks named by the undo record (INTENT_A, INTENT_B) become free: an interrupted allocation or bind
 *     is undone, an interrupted free or unbind completed. The bitmap is redrawn with every block in use.</li>
 * <li>The name chains are walked: an entry that is the undo record's, or is not an entry block, or names no
 *     busy block, is unlinked; a chain that leaves the heap or loops is cut.</li>
 * <li>The blocks are walked again: entry blocks no chain reaches are freed, NAMED flags follow the chains,
 *     adjacent free blocks merge, a free run at the end lowers TOP, and the free lists, the counters and the
 *     bitmap are rebuilt. Then the undo record is cleared.</li>
 * </ol>
 * Every step is idempotent, so a repair cut short by another death is simply run again by the next holder.
 * Needs the heap mutex. Not thread-safe by itself.
 */
final class Repair {
    private final BlockSpace space;
    private final NameTable names;
    private final MemorySegment heap;

    Repair(BlockSpace space, NameTable names) {
        this.space = space;
        this.names = names;
        this.heap = space.heap;
    }

    /** Runs the repair; the caller holds the mutex. */
    void run() {
        int op = Cells.getInt(heap, INTENT_OP_OFFSET);
        long a = op == OP_NONE ? 0 : Cells.get(heap, INTENT_A_OFFSET);
        long b = op == OP_NONE ? 0 : Cells.get(heap, INTENT_B_OFFSET);
        long top = space.top();
        heap.asSlice(space.bitmapOffset, space.bitmapBytes).fill((byte) 0);
        for (long at = space.dataStart; at < top; ) {
            long word = space.word(at, top);
            long blockSize = word & SIZE_MASK;
            if ((at == a || at == b) && (word & STATE_MASK) != FREE) {
                Cells.put(heap, at, BlockSpace.word(blockSize, FREE));
            } else if ((word & STATE_MASK) != FREE) {
                space.setBit(at, true);
            }
            at += blockSize;
        }
        Map<Long, Integer> targets = new HashMap<>();
        Set<Long> entries = walkChains(top, targets, a, b);
        long namedCount = entries.size();
        for (int c = 0; c < CLASSES; c++) {
            Cells.put(heap, FREE_HEADS_OFFSET + 8L * c, 0);
        }
        long allocated = 0;
        long busy = 0;
        long runStart = -1;
        for (long at = space.dataStart; at < top; ) {
            long word = space.word(at, top);
            long blockSize = word & SIZE_MASK;
            int state = (int) (word & STATE_MASK);
            if (state == ENTRY && !entries.contains(at)) {
                state = FREE;
            }
            if (state == BUSY || state == BUSY_NAMED) {
                Integer bucket = targets.get(at + BLOCK_HEADER);
                long request = space.request(at);
                Cells.put(heap, at + REQUEST_OFFSET, request | (bucket == null ? 0 : (long) bucket << 48));
                Cells.put(heap, at, BlockSpace.word(blockSize, bucket == null ? BUSY : BUSY_NAMED));
                allocated += request;
                busy++;
            } else {
                space.setBit(at, false);
            }
            if (state == FREE) {
                if (runStart < 0) {
                    runStart = at;
                }
            } else if (runStart >= 0) {
                space.release(runStart, at - runStart);
                runStart = -1;
            }
            at += blockSize;
        }
        if (runStart >= 0) {
            Cells.put(heap, TOP_OFFSET, runStart);
        }
        Cells.put(heap, ALLOCATED_OFFSET, allocated);
        Cells.put(heap, BUSY_COUNT_OFFSET, busy);
        Cells.put(heap, NAME_COUNT_OFFSET, namedCount);
        Cells.put(heap, FREES_OFFSET, 0);
        Cells.put(heap, INTENT_A_OFFSET, 0);
        Cells.put(heap, INTENT_B_OFFSET, 0);
        Cells.putInt(heap, INTENT_OP_OFFSET, OP_NONE);
    }

    /** Step 2: keeps the sound entries, returns them; {@code targets} gets each named block's handle and bucket. */
    private Set<Long> walkChains(long top, Map<Long, Integer> targets, long a, long b) {
        Set<Long> kept = new HashSet<>();
        long budget = names.maxSteps();
        for (int bucket = 0; bucket < space.buckets; bucket++) {
            long prevNext = names.bucketSlot(bucket);
            long e = Cells.get(heap, prevNext);
            while (e != 0) {
                if (--budget < 0) {
                    Cells.put(heap, prevNext, 0); // a loop: cut
                    break;
                }
                if ((e == a || e == b) && e >= space.dataStart && e <= top - MIN_BLOCK && (e & 15) == 0) {
                    long next = Cells.get(heap, e + ENTRY_NEXT_OFFSET); // the undo record's entry: unlinked
                    Cells.put(heap, prevNext, next);
                    e = next;
                    continue;
                }
                if (!soundEntry(e, top, bucket) || kept.contains(e)) {
                    Cells.put(heap, prevNext, 0); // cut: the rest of the chain is unreachable, freed below
                    break;
                }
                long next = Cells.get(heap, e + ENTRY_NEXT_OFFSET);
                long target = Cells.get(heap, e + ENTRY_TARGET_OFFSET);
                if (!namesBusyBlock(target, top) || targets.containsKey(target)) {
                    Cells.put(heap, prevNext, next); // unlinked; its block is freed below
                } else {
                    kept.add(e);
                    targets.put(target, bucket);
                    prevNext = e + ENTRY_NEXT_OFFSET;
                }
                e = next;
            }
        }
        return kept;
    }

    private boolean soundEntry(long e, long top, int bucket) {
        if (e < space.dataStart || e > top - MIN_BLOCK || (e & 15) != 0 || !space.bit(e)) {
            return false;
        }
        try {
            names.checkEntry(e, top);
        } catch (HeapCorruptedException notAnEntry) {
            return false;
        }
        return names.bucket(Cells.getInt(heap, e + ENTRY_HASH_OFFSET)) == bucket;
    }

    private boolean namesBusyBlock(long handle, long top) {
        long blk = handle - BLOCK_HEADER;
        if (blk < space.dataStart || blk > top - MIN_BLOCK || (handle & 15) != 0 || !space.bit(blk)) {
            return false;
        }
        long state = Cells.get(heap, blk) & STATE_MASK;
        return state == BUSY || state == BUSY_NAMED;
    }
}
