package io.mmf4j.heap;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package's null policy (package-info.java) for {@link Heap}, by reflection: every public method declared by
 * Heap throws NullPointerException for a null in any reference parameter; absent blocks are MemorySegment.NULL.
 */
class HeapNullPolicyTest {

    @Test
    void everyReferenceParameterOfHeapRefusesNull() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Method method : Heap.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers())) {
                continue;
            }
            Class<?>[] parameters = method.getParameterTypes();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].isPrimitive()) {
                    continue;
                }
                try (Heap heap = Heap.create(0, 0)) {
                    Object[] args = new Object[parameters.length];
                    for (int j = 0; j < args.length; j++) {
                        args[j] = value(parameters[j], heap);
                    }
                    args[i] = null;
                    try {
                        method.invoke(Modifier.isStatic(method.getModifiers()) ? null : heap, args);
                        fail(method + " accepted null as argument " + i);
                    } catch (InvocationTargetException e) {
                        assertInstanceOf(NullPointerException.class, e.getCause(), method + " argument " + i);
                    }
                    checked.add(method.getName() + "#" + i);
                }
            }
        }
        assertTrue(checked.containsAll(List.of("free#0", "reallocate#0", "reallocateInPlace#0", "sizeOf#0",
                "validate#0", "create#2")), checked.toString());
        assertThrows(NullPointerException.class, () -> Heap.create(0, 0, (HeapOption) null));
    }

    @Test
    void absentBlocksAreTheNullSegmentNeverNull() {
        try (Heap heap = Heap.create(0, 1 << 16)) {
            assertTrue(heap.tryAllocate(1 << 20).equals(MemorySegment.NULL));
            assertTrue(heap.reallocateInPlace(heap.allocate(16), 1 << 20).equals(MemorySegment.NULL));
        }
    }

    private static Object value(Class<?> type, Heap heap) {
        if (type == MemorySegment.class) {
            return heap.allocate(16);
        }
        if (type == HeapOption[].class) {
            return new HeapOption[0];
        }
        if (type == long.class) {
            return 16L;
        }
        throw new AssertionError("no sample value for " + type);
    }
}
