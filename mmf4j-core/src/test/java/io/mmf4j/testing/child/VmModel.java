package io.mmf4j.testing.child;

import io.mmf4j.vm.GuardPageException;
import io.mmf4j.vm.PageOption;
import io.mmf4j.vm.PageState;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.RegionInfo;
import io.mmf4j.vm.VirtualMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A model of page states and contents that {@link VmProgramChild} checks every region operation and every
 * segment access against. Page codes: 0 reserved, {@code 1 + protection.ordinal()} committed, +16 guard — the
 * model is written from the documented rules, not from the implementation.
 */
final class VmModel {
    private static final int GUARD = 16;
    private static final Protection[] PROTECTIONS = Protection.values();

    private final long pageSize;
    private final Slot[] slots = new Slot[3];
    private final List<Held> held = new ArrayList<>();
    /** What the program exercised: segments handed out, accesses that worked, that threw, guards fired. */
    final int[] counts = new int[4];

    /** One region as the model sees it. */
    private static final class Slot {
        final Region region;
        final int[] codes;
        final byte[] content;
        boolean closed;

        Slot(Region region, int pages, long pageSize) {
            this.region = region;
            this.codes = new int[pages];
            this.content = new byte[Math.toIntExact(pages * pageSize)];
        }
    }

    /** A segment handed out earlier, and whether the model says it must still work. */
    private record Held(Slot slot, long offset, long fromPage, long toPage, MemorySegment segment, boolean readOnly,
                        boolean[] valid) {}

    VmModel(long pageSize) {
        this.pageSize = pageSize;
    }

    void apply(String[] op) throws Exception {
        switch (op[0]) {
            case "R" -> reserve(i(op[1]), i(op[2]), null);
            case "A" -> reserve(i(op[1]), i(op[2]), PROTECTIONS[i(op[3])]);
            case "C" -> change(op, true);
            case "P" -> change(op, false);
            case "D" -> decommit(op);
            case "S" -> segment(op);
            case "G" -> access(i(op[1]), l(op[2]), (byte) i(op[3]));
            case "Q" -> query(op);
            case "X" -> close(i(op[1]));
            default -> throw new AssertionError("unknown op " + op[0]);
        }
    }

    private void reserve(int index, int pages, Protection protection) throws Exception {
        if (slots[index] != null && !slots[index].closed) {
            return; // the slot is in use: a reserve there is a no-op of the program
        }
        Region region = protection == null ? VirtualMemory.reserve(pages * pageSize)
                : VirtualMemory.allocate(pages * pageSize, protection);
        check(region.size() == pages * pageSize, "size " + region.size());
        Slot slot = new Slot(region, pages, pageSize);
        if (protection != null) {
            Arrays.fill(slot.codes, 1 + protection.ordinal());
        }
        slots[index] = slot;
    }

    /** commit (C) or protect (P): {@code C r offset size protection guard}. */
    private void change(String[] op, boolean commit) throws Exception {
        Slot slot = slots[i(op[1])];
        if (slot == null) {
            return;
        }
        long offset = l(op[2]);
        long size = l(op[3]);
        Protection protection = PROTECTIONS[i(op[4])];
        PageOption[] options = op[5].equals("1") ? new PageOption[] {PageOption.GUARD} : new PageOption[0];
        int code = 1 + protection.ordinal() + (options.length > 0 ? GUARD : 0);
        Class<? extends Throwable> expected = rangeError(slot, offset, size);
        if (expected == null && !commit && anyPage(slot, offset, size, c -> c == 0)) {
            expected = IllegalStateException.class;
        }
        Protection previous = expected == null && !commit ? protectionOf(slot.codes[page(offset)]) : null;
        Object result = run(expected, () -> commit ? commitCall(slot, offset, size, protection, options)
                : slot.region.protect(offset, size, protection, options));
        if (expected != null) {
            return;
        }
        if (!commit) {
            check(result == previous, "protect returned " + result + ", expected " + previous);
        }
        for (long p = page(offset); p < endPage(offset, size); p++) {
            int old = slot.codes[(int) p];
            if (old != code) {
                invalidate(slot, p);
                if (old == 0) {
                    Arrays.fill(slot.content, (int) (p * pageSize), (int) ((p + 1) * pageSize), (byte) 0);
                }
                slot.codes[(int) p] = code;
            }
        }
    }

    private static Object commitCall(Slot slot, long offset, long size, Protection protection, PageOption[] options)
            throws Exception {
        slot.region.commit(offset, size, protection, options);
        return null;
    }

    private void decommit(String[] op) throws Exception {
        Slot slot = slots[i(op[1])];
        if (slot == null) {
            return;
        }
        long offset = l(op[2]);
        long size = l(op[3]);
        Class<? extends Throwable> expected = rangeError(slot, offset, size);
        run(expected, () -> {
            slot.region.decommit(offset, size);
            return null;
        });
        if (expected == null) {
            for (long p = page(offset); p < endPage(offset, size); p++) {
                if (slot.codes[(int) p] != 0) {
                    invalidate(slot, p);
                    slot.codes[(int) p] = 0;
                    Arrays.fill(slot.content, (int) (p * pageSize), (int) ((p + 1) * pageSize), (byte) 0);
                }
            }
        }
    }

    private void segment(String[] op) throws Exception {
        Slot slot = slots[i(op[1])];
        if (slot == null) {
            return;
        }
        long offset = l(op[2]);
        long size = l(op[3]);
        Class<? extends Throwable> expected = rangeError(slot, offset, size);
        long guard = -1;
        if (expected == null) {
            for (long p = page(offset); p < endPage(offset, size) && guard < 0; p++) {
                guard = (slot.codes[(int) p] & GUARD) != 0 ? p : -1;
            }
            if (guard >= 0) {
                expected = GuardPageException.class;
            } else if (anyPage(slot, offset, size, c -> c == 0 || !protectionOf(c).canRead())) {
                expected = IllegalStateException.class;
            }
        }
        boolean confined = op.length > 4 && op[4].equals("1"); // one thread here: confined behaves as shared
        Object result = run(expected, () -> confined ? slot.region.confinedSegment(offset, size)
                : slot.region.segment(offset, size));
        if (guard >= 0) {
            slot.codes[(int) guard] &= ~GUARD; // fired once: an ordinary page from now on
            counts[3]++;
            return;
        }
        if (expected == null) {
            MemorySegment segment = (MemorySegment) result;
            boolean readOnly = anyPage(slot, offset, size, c -> !protectionOf(c).canWrite());
            check(segment.byteSize() == size && segment.isReadOnly() == readOnly,
                    "segment " + segment + " readOnly " + segment.isReadOnly() + ", expected " + readOnly);
            counts[0]++;
            held.add(new Held(slot, offset, page(offset), endPage(offset, size), segment, readOnly,
                    new boolean[] {true}));
            if (held.size() > 24) {
                held.remove(0);
            }
            verify(held.get(held.size() - 1));
        }
    }

    /** Reads a held segment whole and writes one byte: works with the model's bytes, or throws if invalidated. */
    private void access(int which, long position, byte value) throws Exception {
        if (held.isEmpty()) {
            return;
        }
        Held h = held.get(Math.floorMod(which, held.size()));
        if (!h.valid[0]) {
            run(IllegalStateException.class, () -> h.segment.get(ValueLayout.JAVA_BYTE, 0));
            counts[2]++;
            return;
        }
        verify(h);
        counts[1]++;
        long at = Math.floorMod(position, h.segment.byteSize());
        if (h.readOnly) {
            run(IllegalArgumentException.class, () -> { // FFM refuses writes to read-only segments so
                h.segment.set(ValueLayout.JAVA_BYTE, at, value);
                return null;
            });
        } else {
            h.segment.set(ValueLayout.JAVA_BYTE, at, value);
            h.slot.content[(int) (h.offset + at)] = value;
        }
    }

    private void verify(Held h) {
        MemorySegment expected = MemorySegment.ofArray(h.slot.content).asSlice(h.offset, h.segment.byteSize());
        long mismatch = h.segment.mismatch(expected);
        check(mismatch < 0, "segment at offset " + h.offset + " differs from the model at " + mismatch);
    }

    private void query(String[] op) throws Exception {
        Slot slot = slots[i(op[1])];
        if (slot == null) {
            return;
        }
        long offset = l(op[2]);
        Class<? extends Throwable> expected = slot.closed ? IllegalStateException.class
                : offset < 0 || offset >= slot.content.length ? IndexOutOfBoundsException.class : null;
        Object result = run(expected, () -> slot.region.query(offset));
        if (expected != null) {
            return;
        }
        RegionInfo info = (RegionInfo) result;
        int p = page(offset);
        int code = slot.codes[p];
        int start = p;
        while (start > 0 && slot.codes[start - 1] == code) {
            start--;
        }
        int end = p + 1;
        while (end < slot.codes.length && slot.codes[end] == code) {
            end++;
        }
        RegionInfo model = new RegionInfo(slot.region.address(), slot.region.address() + start * pageSize,
                start * pageSize, (end - start) * pageSize, code == 0 ? PageState.RESERVED : PageState.COMMITTED,
                protectionOf(code), (code & GUARD) != 0);
        check(info.equals(model), "query " + info + ", model " + model);
    }

    private void close(int index) {
        Slot slot = slots[index];
        if (slot == null) {
            return;
        }
        slot.region.close();
        slot.closed = true;
        for (Held h : held) {
            if (h.slot == slot) {
                h.valid[0] = false;
            }
        }
    }

    void closeAll() {
        for (int i = 0; i < slots.length; i++) {
            close(i);
        }
    }

    private void invalidate(Slot slot, long page) {
        for (Held h : held) {
            if (h.slot == slot && h.fromPage <= page && page < h.toPage) {
                h.valid[0] = false;
            }
        }
    }

    private Class<? extends Throwable> rangeError(Slot slot, long offset, long size) {
        if (slot.closed) {
            return IllegalStateException.class;
        }
        if (size <= 0) {
            return IllegalArgumentException.class;
        }
        return offset < 0 || offset > slot.content.length - size ? IndexOutOfBoundsException.class : null;
    }

    private boolean anyPage(Slot slot, long offset, long size, java.util.function.IntPredicate test) {
        for (long p = page(offset); p < endPage(offset, size); p++) {
            if (test.test(slot.codes[(int) p])) {
                return true;
            }
        }
        return false;
    }

    private static Protection protectionOf(int code) {
        return code == 0 ? Protection.NO_ACCESS : PROTECTIONS[(code & ~GUARD) - 1];
    }

    private int page(long offset) {
        return (int) (offset / pageSize);
    }

    private long endPage(long offset, long size) {
        return (offset + size + pageSize - 1) / pageSize;
    }

    interface Call {
        Object call() throws Exception;
    }

    /** Runs {@code call}: it must succeed when {@code expected} is null, else throw exactly that kind. */
    private static Object run(Class<? extends Throwable> expected, Call call) throws Exception {
        try {
            Object result = call.call();
            check(expected == null, "expected " + (expected == null ? "" : expected.getSimpleName()) + ", got success");
            return result;
        } catch (Exception e) {
            if (expected == null || !kindMatches(expected, e)) {
                throw new AssertionError("expected " + (expected == null ? "success" : expected.getSimpleName())
                        + ", got " + e, e);
            }
            return null;
        }
    }

    /** IllegalStateException must not be a GuardPageException unless a guard was expected. */
    private static boolean kindMatches(Class<? extends Throwable> expected, Exception e) {
        if (expected == IllegalStateException.class) {
            return e.getClass() == IllegalStateException.class;
        }
        return expected.isInstance(e);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }

    private static long l(String s) {
        return Long.parseLong(s);
    }
}
