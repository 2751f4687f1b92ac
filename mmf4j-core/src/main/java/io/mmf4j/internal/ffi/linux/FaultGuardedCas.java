package io.mmf4j.internal.ffi.linux;

import static io.mmf4j.internal.ffi.linux.Libc.C_INT;
import static io.mmf4j.internal.ffi.linux.Libc.C_LONG;
import static io.mmf4j.internal.ffi.linux.Libc.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Compare-and-set on memory whose page may vanish under it — a mapped file another process truncates, a full
 * tmpfs — that reports the fault as a result instead of aborting the JVM.
 *
 * <p><b>Why.</b> HotSpot turns a SIGBUS in a plain, volatile or copying unsafe access into {@code InternalError},
 * but its native compare-and-set ({@code Unsafe_CompareAndSetInt/Long}, which the interpreter calls) is not
 * guarded: a CAS on a vanished page ends the process. No check before the CAS can close the window, because the
 * page can vanish between the check and the instruction.
 *
 * <p><b>How.</b> One page of x86_64 code, written once and then made read+execute, holds two functions and a
 * SIGBUS handler put in front of the JVM's:
 * <pre>
 *   0x00  cas64(base, offset, expected, value)   mov rax,rdx; [0x03] lock cmpxchg [rdi+rsi],rcx; sete; ret
 *   0x10  cas32(base, offset, expected, value)   mov eax,edx; [0x12] lock cmpxchg [rdi+rsi],ecx; sete; ret
 *   0x20  resume:                                mov eax,-1; ret
 *   0x30  handler(sig, info, ucontext)           if ucontext's rip is 0x03 or 0x12: rip = resume; return
 *                                                else: jmp [previous]      (the JVM's handler, same arguments)
 *   0x68  previous                               8 bytes: the handler that was installed before
 * </pre>
 * The functions touch no stack, so at the faulting {@code lock cmpxchg} the stack is as it was at entry and
 * {@code resume}'s {@code ret} returns to the caller with {@link #FAULTED}. Every other SIGBUS reaches the JVM's
 * handler unchanged (a tail jump, registers and stack as the kernel left them), so the JVM's own handling — the
 * {@code InternalError} of a plain access, its crash report — is as before. The handler touches only registers and
 * the interrupted context: it is async-signal-safe.
 *
 * <p>The functions are called as critical downcalls taking the mapping's segment, so the linker keeps the
 * segment's arena open for the call (a view closing meanwhile cannot unmap the memory under the CAS).
 *
 * <p>{@link #available()} is false — callers fall back to a probe before an ordinary CAS — where the page cannot be
 * made executable (a policy forbids it) or the JVM's SIGBUS action is not a three-argument handler. Installed once,
 * on first use, for the life of the process. {@code -Xcheck:jni} reports the changed SIGBUS handler; that warning
 * is expected.
 */
@SuppressWarnings("restricted") // the code page is reached through a segment made from its address
public final class FaultGuardedCas {
    /** The CAS stored the new value. */
    public static final int SET = 1;
    /** The word did not hold the expected value; nothing was stored. */
    public static final int NOT_SET = 0;
    /** The page under the word faulted (SIGBUS): it is gone; nothing was stored. */
    public static final int FAULTED = -1;

    static final int CAS64_OFFSET = 0x00;
    static final int CAS64_FAULT_OFFSET = 0x03;
    static final int CAS32_OFFSET = 0x10;
    static final int CAS32_FAULT_OFFSET = 0x12;
    static final int RESUME_OFFSET = 0x20;
    static final int HANDLER_OFFSET = 0x30;
    static final int PREVIOUS_OFFSET = 0x68;
    /** uc_mcontext.gregs[REG_RIP] in glibc's x86_64 ucontext_t: 40 bytes of flags, link and stack, then 16 regs. */
    static final int UCONTEXT_RIP_OFFSET = 0xa8;

    private static final long CODE_SIZE = 4096;

    private record Installed(MethodHandle cas64, MethodHandle cas32) {}

    /** The handles in static finals of their own, so that the JIT inlines the downcall as a constant. */
    private static final class Holder {
        private static final Optional<Installed> INSTALLED = install();
        static final boolean AVAILABLE = INSTALLED.isPresent();
        static final MethodHandle CAS64 = INSTALLED.map(Installed::cas64).orElse(null);
        static final MethodHandle CAS32 = INSTALLED.map(Installed::cas32).orElse(null);
    }

    private FaultGuardedCas() {}

    /** Whether the guard is installed (installs it on the first call). */
    public static boolean available() {
        return Holder.AVAILABLE;
    }

    /**
     * {@code base[offset]} (8 bytes, aligned) from {@code expected} to {@code value}: {@link #SET}, {@link #NOT_SET}
     * or {@link #FAULTED}. The caller checked bounds and alignment, and {@link #available()}.
     */
    public static int compareAndSetLong(MemorySegment base, long offset, long expected, long value) {
        try {
            return (int) Holder.CAS64.invokeExact(base, offset, expected, value);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
    }

    /** As {@link #compareAndSetLong}, for a 4-byte aligned word. */
    public static int compareAndSetInt(MemorySegment base, long offset, int expected, int value) {
        try {
            return (int) Holder.CAS32.invokeExact(base, offset, expected, value);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
    }

    private static Optional<Installed> install() {
        if (!System.getProperty("os.arch").equals("amd64")) {
            return Optional.empty(); // the code below is x86_64's
        }
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment action = scratch.allocate(Signal.SIGACTION_SIZE, 8);
            Signal.action(Signal.SIGBUS, action);
            long previous = action.get(ValueLayout.JAVA_LONG, Signal.HANDLER_OFFSET);
            int flags = action.get(ValueLayout.JAVA_INT, Signal.FLAGS_OFFSET);
            if ((flags & Signal.SA_SIGINFO) == 0 || previous == 0 || previous == 1) {
                return Optional.empty(); // not a handler we can chain to with (sig, info, ucontext)
            }
            long code = Mman.mmap(0, CODE_SIZE, Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0, "the fault-guarded CAS code page");
            MemorySegment page = MemorySegment.ofAddress(code).reinterpret(CODE_SIZE);
            write(page, previous);
            try {
                Mman.mprotect(code, CODE_SIZE, Mman.PROT_READ | Mman.PROT_EXEC, "the fault-guarded CAS code page");
            } catch (ErrnoException refused) {
                Mman.munmap(code, CODE_SIZE, "the fault-guarded CAS code page");
                return Optional.empty(); // e.g. an SELinux execmem policy
            }
            FunctionDescriptor cas64 = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_LONG, C_LONG);
            FunctionDescriptor cas32 = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_INT, C_INT);
            Installed installed = new Installed(
                    Libc.criticalDowncallAt(page.asSlice(CAS64_OFFSET, 0), cas64),
                    Libc.criticalDowncallAt(page.asSlice(CAS32_OFFSET, 0), cas32));
            action.set(ValueLayout.JAVA_LONG, Signal.HANDLER_OFFSET, code + HANDLER_OFFSET);
            Signal.setAction(Signal.SIGBUS, action); // same mask and flags as the JVM's, our handler in front
            return Optional.of(installed);
        } catch (ErrnoException e) {
            return Optional.empty();
        }
    }

    /** Writes the code page (see the class comment), {@code previous} being the handler to chain to. */
    private static void write(MemorySegment page, long previous) {
        Emitter out = new Emitter(page);
        out.at(CAS64_OFFSET).bytes(0x48, 0x89, 0xd0);                    // mov rax, rdx
        out.expect(CAS64_FAULT_OFFSET).bytes(0xf0, 0x48, 0x0f, 0xb1, 0x0c, 0x37); // lock cmpxchg [rdi+rsi], rcx
        out.bytes(0x0f, 0x94, 0xc0, 0x0f, 0xb6, 0xc0, 0xc3);             // sete al; movzx eax, al; ret
        out.at(CAS32_OFFSET).bytes(0x89, 0xd0);                          // mov eax, edx
        out.expect(CAS32_FAULT_OFFSET).bytes(0xf0, 0x0f, 0xb1, 0x0c, 0x37); // lock cmpxchg [rdi+rsi], ecx
        out.bytes(0x0f, 0x94, 0xc0, 0x0f, 0xb6, 0xc0, 0xc3);             // sete al; movzx eax, al; ret
        out.at(RESUME_OFFSET).bytes(0xb8, 0xff, 0xff, 0xff, 0xff, 0xc3); // mov eax, -1; ret
        out.at(HANDLER_OFFSET).bytes(0x48, 0x8b, 0x82).int32(UCONTEXT_RIP_OFFSET); // mov rax, [rdx + rip slot]
        out.bytes(0x48, 0x8d, 0x0d).rel32(CAS64_FAULT_OFFSET);           // lea rcx, [cas64's cmpxchg]
        out.bytes(0x48, 0x39, 0xc8);                                     // cmp rax, rcx
        int toResume1 = out.bytes(0x74).placeholder8();                  // je fault
        out.bytes(0x48, 0x8d, 0x0d).rel32(CAS32_FAULT_OFFSET);           // lea rcx, [cas32's cmpxchg]
        out.bytes(0x48, 0x39, 0xc8);                                     // cmp rax, rcx
        int toResume2 = out.bytes(0x74).placeholder8();                  // je fault
        out.bytes(0xff, 0x25).rel32(PREVIOUS_OFFSET);                    // jmp [previous]: not ours
        out.patch8(toResume1).patch8(toResume2);                         // fault:
        out.bytes(0x48, 0x8d, 0x0d).rel32(RESUME_OFFSET);                // lea rcx, [resume]
        out.bytes(0x48, 0x89, 0x8a).int32(UCONTEXT_RIP_OFFSET);          // mov [rdx + rip slot], rcx
        out.bytes(0xc3);                                                 // ret: the kernel resumes at resume
        if (out.position() > PREVIOUS_OFFSET) {
            throw new AssertionError("the handler runs into its data at " + out.position());
        }
        page.set(ValueLayout.JAVA_LONG_UNALIGNED, PREVIOUS_OFFSET, previous);
    }

    /** Writes bytes at a position, with rip-relative displacements and forward jumps resolved. */
    private static final class Emitter {
        private final MemorySegment page;
        private int position;

        Emitter(MemorySegment page) {
            this.page = page;
        }

        int position() {
            return position;
        }

        Emitter at(int offset) {
            if (offset < position) {
                throw new AssertionError("code overlaps at " + offset);
            }
            while (position < offset) {
                page.set(ValueLayout.JAVA_BYTE, position++, (byte) 0xcc); // int3 between functions
            }
            return this;
        }

        Emitter expect(int offset) {
            if (position != offset) {
                throw new AssertionError("expected offset " + offset + ", at " + position);
            }
            return this;
        }

        Emitter bytes(int... values) {
            for (int value : values) {
                page.set(ValueLayout.JAVA_BYTE, position++, (byte) value);
            }
            return this;
        }

        Emitter int32(int value) {
            page.set(ValueLayout.JAVA_INT_UNALIGNED, position, value);
            position += 4;
            return this;
        }

        /** A displacement to {@code target} from the end of this 4-byte field (the next instruction). */
        Emitter rel32(int target) {
            return int32(target - (position + 4));
        }

        /** Reserves a rel8 jump displacement; returns its position for {@link #patch8}. */
        int placeholder8() {
            bytes(0);
            return position - 1;
        }

        /** Points the rel8 at {@code at} to the current position. */
        Emitter patch8(int at) {
            page.set(ValueLayout.JAVA_BYTE, at, (byte) (position - (at + 1)));
            return this;
        }
    }
}
