package io.mmf4j.internal.ffi.linux;

import static io.mmf4j.internal.ffi.linux.Libc.C_INT;
import static io.mmf4j.internal.ffi.linux.Libc.C_POINTER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@code <signal.h>}: sigaction, to read a signal's action and to replace it. Only {@link FaultGuardedCas} uses it,
 * to put its SIGBUS handler in front of the JVM's.
 *
 * <p>glibc's {@code struct sigaction} on x86_64, {@value #SIGACTION_SIZE} bytes:
 * <pre>
 *   0      8                                   136     140     144          152
 *   +------+-----------------------------------+-------+-------+------------+
 *   |handler| sa_mask (sigset_t, 1024 bits)     | flags | (pad) | restorer   |
 *   +------+-----------------------------------+-------+-------+------------+
 * </pre>
 * {@code handler} is {@code sa_sigaction} when {@code flags} has {@link #SA_SIGINFO}; glibc fills in the restorer.
 */
public final class Signal {
    public static final int SIGBUS = 7;
    public static final int SA_SIGINFO = 0x4;

    public static final long HANDLER_OFFSET = 0;
    public static final long FLAGS_OFFSET = 136;
    public static final long SIGACTION_SIZE = 152;

    // int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact)
    private static final MethodHandle SIGACTION = Libc.downcall("sigaction",
            FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER));

    private Signal() {}

    /** Reads {@code signal}'s action into {@code action} ({@value #SIGACTION_SIZE} bytes). */
    public static void action(int signal, MemorySegment action) throws ErrnoException {
        sigaction(signal, MemorySegment.NULL, action);
    }

    /** Makes {@code action} ({@value #SIGACTION_SIZE} bytes) {@code signal}'s action. */
    public static void setAction(int signal, MemorySegment action) throws ErrnoException {
        sigaction(signal, action, MemorySegment.NULL);
    }

    private static void sigaction(int signal, MemorySegment action, MemorySegment previous) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) SIGACTION.invokeExact(capture, signal, action, previous);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result != 0) {
            throw new ErrnoException("sigaction", Libc.errno(capture), "signal " + signal);
        }
    }
}
