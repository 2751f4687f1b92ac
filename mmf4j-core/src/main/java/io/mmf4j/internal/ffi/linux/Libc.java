package io.mmf4j.internal.ffi.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The one place that talks to the native linker: looks up libc symbols and builds downcall handles
 * that capture {@code errno}. Every header class in this package builds its handles here.
 *
 * <p>Thread-safe. Each thread has its own errno capture segment, so a downcall allocates nothing.
 */
@SuppressWarnings("restricted") // this class is the library's one door to the native linker
final class Libc {
    static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> CAPTURE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout C_POINTER = ValueLayout.ADDRESS;

    private Libc() {}

    /** A downcall whose first parameter is the errno capture segment (see {@link #captureSegment()}). */
    static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LOOKUP.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
        return LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
    }

    /** A downcall to a variadic function: {@code fixedArgs} parameters come before the {@code ...}. */
    static MethodHandle variadicDowncall(String name, FunctionDescriptor descriptor, int fixedArgs) {
        MemorySegment symbol = LOOKUP.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
        return LINKER.downcallHandle(symbol, descriptor,
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(fixedArgs));
    }

    /** A downcall that cannot fail, so needs no errno. */
    static MethodHandle downcallNoErrno(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LOOKUP.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
        return LINKER.downcallHandle(symbol, descriptor);
    }

    /** This thread's errno capture segment, to pass as the first argument of a {@link #downcall}. */
    static MemorySegment captureSegment() {
        return CAPTURE.get();
    }

    /** The errno that the last downcall on this thread captured into {@code capture}. */
    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /** Turns a throwable from {@code invokeExact} into an error: downcalls never throw checked exceptions. */
    static AssertionError unexpected(Throwable t) {
        return new AssertionError("downcall failed unexpectedly", t);
    }
}
