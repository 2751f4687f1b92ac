package io.mmf4j.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The package's null policy (package-info.java), enforced by reflection: every public method of the package's
 * classes (but {@code equals}, whose contract answers false) throws NullPointerException for a null in any
 * reference parameter, and no public method declares a
 * nullable return (absent values are Optional or OptionalLong).
 */
class NullPolicyTest {
    private static final List<Class<?>> TYPES = List.of(VirtualMemory.class, Region.class, RegionInfo.class,
            MemoryArea.class, GuardPageException.class);

    @Test
    void everyReferenceParameterRefusesNull() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : TYPES) {
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.getName().equals("equals")) {
                    continue;
                }
                Class<?>[] parameters = method.getParameterTypes();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].isPrimitive()) {
                        continue;
                    }
                    try (Region region = VirtualMemory.allocate(4 * VirtualMemory.pageSize(), Protection.READ_WRITE)) {
                        Object[] args = arguments(parameters);
                        args[i] = null;
                        Object target = Modifier.isStatic(method.getModifiers()) ? null : target(type, region);
                        try {
                            method.invoke(target, args);
                            fail(method + " accepted null as argument " + i);
                        } catch (InvocationTargetException e) {
                            assertInstanceOf(NullPointerException.class, e.getCause(), method + " argument " + i);
                        }
                        checked.add(method.getName() + "#" + i);
                    }
                }
            }
        }
        assertTrue(checked.contains("commit#2") && checked.contains("protect#3") && checked.contains("allocate#1"),
                checked.toString());
    }

    @Test
    void recordsRefuseNullComponents() {
        assertThrowsNpe(() -> new RegionInfo(0, 0, 0, 1, null, Protection.NO_ACCESS, false));
        assertThrowsNpe(() -> new MemoryArea(0, 1, PageState.COMMITTED, Protection.READ_ONLY, false, RegionType.HEAP,
                null, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void absentValuesAreOptional() throws Exception {
        assertEquals(OptionalLong.class, VirtualMemory.class.getMethod("largePageSize").getReturnType());
        assertEquals(Optional.class, MemoryArea.class.getMethod("path").getReturnType());
    }

    private static void assertThrowsNpe(Runnable r) {
        try {
            r.run();
            fail("accepted null");
        } catch (NullPointerException expected) {
            // as the policy says
        }
    }

    private static Object target(Class<?> type, Region region) {
        if (type == Region.class) {
            return region;
        }
        if (type == RegionInfo.class) {
            return region.query(0);
        }
        if (type == MemoryArea.class) {
            return new MemoryArea(0, 1, PageState.COMMITTED, Protection.READ_ONLY, false, RegionType.HEAP,
                    Optional.empty(), 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new GuardPageException(0);
    }

    private static Object[] arguments(Class<?>[] parameters) {
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> p = parameters[i];
            if (p == long.class) {
                args[i] = VirtualMemory.pageSize();
            } else if (p == int.class) {
                args[i] = 1;
            } else if (p == boolean.class) {
                args[i] = false;
            } else if (p == Protection.class) {
                args[i] = Protection.READ_WRITE;
            } else if (p == PageOption[].class) {
                args[i] = new PageOption[0];
            } else if (p == Object.class) {
                args[i] = new Object();
            } else {
                throw new AssertionError("no sample argument for " + p);
            }
        }
        return args;
    }
}
