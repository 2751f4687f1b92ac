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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * The one place that talks to the native linker: looks up libc symbols and builds downcall handles
 * that capture {@code errno}. Every header class in this package builds its handles here.
 *
 * <p>Thread-safe. Each thread has its own errno capture segment, so a downcall allocates nothing.
 *
 * <p>Handles are linked on first use, not when their header class is initialised: linking a downcall spins
 * LambdaForm classes (a few ms each), and a short-lived program such as {@code mmf residency} uses a handful of the
 * library's functions. A lazy handle is a {@link MutableCallSite}'s invoker held in a {@code static final} field:
 * once linked, the JIT inlines the real downcall exactly as if it had been linked eagerly.
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
        MemorySegment symbol = symbol(name);
        return lazy(capturing(descriptor), () -> LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno")));
    }

    /** A downcall to a variadic function: {@code fixedArgs} parameters come before the {@code ...}. */
    static MethodHandle variadicDowncall(String name, FunctionDescriptor descriptor, int fixedArgs) {
        MemorySegment symbol = symbol(name);
        return lazy(capturing(descriptor), () -> LINKER.downcallHandle(symbol, descriptor,
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(fixedArgs)));
    }

    /** A downcall that cannot fail, so needs no errno. */
    static MethodHandle downcallNoErrno(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = symbol(name);
        return lazy(descriptor.toMethodType(), () -> LINKER.downcallHandle(symbol, descriptor));
    }

    /**
     * A downcall to code at {@code address} that is not a libc symbol (the fault-guarded atomics' code page):
     * critical — no thread-state transition — because the code runs a few instructions and never blocks or calls
     * back. Linked at once: the caller links it when it builds the code page.
     */
    static MethodHandle criticalDowncallAt(MemorySegment address, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(address, descriptor, Linker.Option.critical(false));
    }

    /** The symbol is looked up at once (cheap), so a missing function still fails when its class loads. */
    private static MemorySegment symbol(String name) {
        return LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
    }

    /** The type of a downcall that captures errno: the capture segment comes first. */
    private static MethodType capturing(FunctionDescriptor descriptor) {
        return descriptor.toMethodType().insertParameterTypes(0, MemorySegment.class);
    }

    private static final MethodHandle LINK;
    static {
        try {
            LINK = MethodHandles.lookup().findStatic(Libc.class, "link",
                    MethodType.methodType(MethodHandle.class, MutableCallSite.class, Supplier.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * A handle of {@code type} that links {@code linker}'s handle on its first call: until then the call site's
     * target links, installs the real handle as the new target, and calls it.
     */
    private static MethodHandle lazy(MethodType type, Supplier<MethodHandle> linker) {
        MutableCallSite site = new MutableCallSite(type);
        MethodHandle linkOnce = MethodHandles.insertArguments(LINK, 0, site, linker);
        site.setTarget(MethodHandles.foldArguments(MethodHandles.exactInvoker(type), linkOnce));
        return site.dynamicInvoker();
    }

    /** Links once per call site (threads racing here may link twice; both handles are equivalent). */
    private static MethodHandle link(MutableCallSite site, Supplier<MethodHandle> linker) {
        MethodHandle real = linker.get();
        site.setTarget(real);
        return real;
    }

    /** This thread's errno capture segment, to pass as the first argument of a {@link #downcall}. */
    static MemorySegment captureSegment() {
        return CAPTURE.get();
    }

    /** The errno that the last downcall on this thread captured into {@code capture}. */
    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /**
     * Turns a throwable from {@code invokeExact} into an error: downcalls never throw checked exceptions. What
     * linking a handle on its first call throws — {@code IllegalCallerException} when native access is denied,
     * a linkage error — is thrown as it is, as it was when handles were linked eagerly.
     */
    static AssertionError unexpected(Throwable t) {
        if (t instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new AssertionError("downcall failed unexpectedly", t);
    }
}
