package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The null policy of package-info.java, enforced by reflection: every public method of every public type of
 * io.mmf4j throws NullPointerException for each null reference argument, except a map name.
 */
class NullPolicyTest {
    /** Static factories of MemoryMappedFile whose String parameter is a map name, which may be null. */
    private static final Set<String> MAP_NAME_FACTORIES = Set.of("createFromFile", "createNew", "createOrOpen");
    private static final Set<Class<?>> NOT_OURS = Set.of(Object.class, Enum.class, Record.class);

    @TempDir
    Path dir;

    record Sample(int x, short y) {}

    /** The accessor and the stream of the running check, as arguments (RecordLayout's methods take views). */
    private static Object[] views;

    private static List<Class<?>> publicTypes() throws IOException {
        Path classes = Path.of(MemoryMappedFile.class.getProtectionDomain().getCodeSource().getLocation().getPath(), "io", "mmf4j");
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("package-info.class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                try {
                    Class<?> type = Class.forName("io.mmf4j." + name, false, NullPolicyTest.class.getClassLoader());
                    if (Modifier.isPublic(type.getModifiers()) && (type.getEnclosingClass() == null
                            || Modifier.isPublic(type.getEnclosingClass().getModifiers()))) {
                        types.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("cannot load " + file, e);
                }
            }
        }
        return types;
    }

    @Test
    void everyReferenceArgumentIsCheckedForNull() throws Exception {
        Path file = dir.resolve("nulls.bin");
        Files.write(file, new byte[4096]);
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor accessor = map.createViewAccessor();
             MemoryMappedViewStream stream = map.createViewStream();
             InheritableMap inheritable = map.inheritable()) {
            SharedNamespace namespace = SharedNamespace.at(dir.resolve("namespace"));
            views = new Object[] {accessor, stream};
            List<Class<?>> types = publicTypes();
            assertTrue(types.contains(MemoryMappedFile.class) && types.contains(MemoryMappedViewStream.class), types.toString());
            for (Class<?> type : types) {
                Object receiver = receiverFor(type, map, accessor, stream, inheritable, namespace);
                for (Method method : type.getMethods()) {
                    if (NOT_OURS.contains(method.getDeclaringClass()) || method.isSynthetic() || isEquals(method)) {
                        continue;
                    }
                    boolean isStatic = Modifier.isStatic(method.getModifiers());
                    if (isStatic && method.getDeclaringClass() != type) {
                        continue;
                    }
                    Class<?>[] parameters = method.getParameterTypes();
                    for (int nullAt = 0; nullAt < parameters.length; nullAt++) {
                        if (parameters[nullAt].isPrimitive() || isMapName(method, nullAt)) {
                            continue;
                        }
                        Object[] args = new Object[parameters.length];
                        for (int i = 0; i < parameters.length; i++) {
                            args[i] = i == nullAt ? null : dummy(method, i, file, channel, namespace);
                        }
                        checked++;
                        String call = type.getSimpleName() + "." + method.getName() + " with argument " + nullAt + " null";
                        try {
                            Object result = method.invoke(isStatic ? null : receiver, args);
                            // a new map or view is closed; an accessor from withOrder shares the view's life: kept
                            if (result instanceof AutoCloseable closeable && (isStatic || receiver == map)) {
                                closeable.close();
                            }
                            violations.add(call + ": returned normally");
                        } catch (InvocationTargetException e) {
                            if (!(e.getCause() instanceof NullPointerException)) {
                                violations.add(call + ": threw " + e.getCause());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 35, "too few methods checked: " + checked);
        if (!violations.isEmpty()) {
            fail(String.join("\n", violations));
        }
    }

    @Test
    void aNullMapNameMeansAnonymous() throws IOException {
        Path file = dir.resolve("anonymous.bin");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, 100)) {
            assertFalse(map.name().isPresent());
        }
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null)) {
            assertFalse(map.name().isPresent());
        }
    }

    /** A region to place sample views in: 1 MiB of reserved address space, no memory, kept for the JVM's life. */
    private static final java.util.function.Supplier<io.mmf4j.vm.Region> REGION = new java.util.function.Supplier<>() {
        private io.mmf4j.vm.Region region;

        @Override
        public synchronized io.mmf4j.vm.Region get() {
            try {
                if (region == null) {
                    region = io.mmf4j.vm.VirtualMemory.reserve(1 << 20);
                }
                return region;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    };

    /** {@code equals(null)} is false by Object's contract, not a null-policy violation. */
    private static boolean isEquals(Method method) {
        return method.getName().equals("equals") && method.getParameterCount() == 1
                && method.getParameterTypes()[0] == Object.class;
    }

    private static boolean isMapName(Method method, int index) {
        return method.getDeclaringClass() == MemoryMappedFile.class && Modifier.isStatic(method.getModifiers())
                && MAP_NAME_FACTORIES.contains(method.getName()) && method.getParameterTypes()[index] == String.class;
    }

    private static Object receiverFor(Class<?> type, MemoryMappedFile map, MemoryMappedViewAccessor accessor,
                                      MemoryMappedViewStream stream, InheritableMap inheritable,
                                      SharedNamespace namespace) {
        if (type == InheritableMap.class) {
            return inheritable;
        }
        if (type == SharedNamespace.class) {
            return namespace;
        }
        if (type == MemoryMappedFile.class) {
            return map;
        }
        if (type == MemoryMappedViewAccessor.class) {
            return accessor;
        }
        if (type == MemoryMappedViewStream.class) {
            return stream;
        }
        if (type == RecordLayout.class) {
            return RecordLayout.packed(Sample.class);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null; // a type with only static methods, or one this test must learn about (it fails then)
    }

    /** A harmless non-null value for parameter {@code index}: the call must fail only for the null one. */
    private static Object dummy(Method method, int index, Path file, FileChannel channel, SharedNamespace namespace) {
        Class<?> type = method.getParameterTypes()[index];
        boolean factory = method.getDeclaringClass() == MemoryMappedFile.class && Modifier.isStatic(method.getModifiers());
        if (type == long.class) {
            return factory ? 4096L : 0L; // a factory's long is a capacity: the file's own size
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == char.class) {
            return 'c';
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == String.class) {
            return isMapName(method, index) ? null : "mmf4j-null-policy";
        }
        if (type == Path.class) {
            return file;
        }
        if (type == FileMode.class) {
            return FileMode.OPEN;
        }
        if (type == MemoryMappedFileAccess.class) {
            return MemoryMappedFileAccess.READ_WRITE;
        }
        if (type == MemoryMappedFileRights.class) {
            return MemoryMappedFileRights.READ_WRITE;
        }
        if (type == FileChannel.class) {
            return channel;
        }
        if (type == ByteBuffer.class) {
            return ByteBuffer.allocate(1);
        }
        if (type == ByteOrder.class) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (type == java.lang.foreign.Arena.class) {
            return java.lang.foreign.Arena.ofAuto();
        }
        if (type == Class.class) {
            return Sample.class;
        }
        if (type == SharedNamespace.class) {
            return namespace;
        }
        if (type == java.util.Set.class) {
            return java.util.Set.of();
        }
        if (type == io.mmf4j.vm.Region.class) {
            return REGION.get();
        }
        if (type == ProcessBuilder.class) {
            return new ProcessBuilder("true");
        }
        if (type == Record.class) {
            return new Sample(1, (short) 2);
        }
        if (type == MemoryMappedViewAccessor.class || type == MemoryMappedViewStream.class) {
            return views[type == MemoryMappedViewAccessor.class ? 0 : 1];
        }
        if (type == java.lang.foreign.MemorySegment.class) {
            return java.lang.foreign.MemorySegment.ofArray(new byte[64]);
        }
        if (type == java.lang.invoke.MethodHandles.Lookup.class) {
            return java.lang.invoke.MethodHandles.lookup();
        }
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0); // empty: no null elements inside
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new AssertionError("NullPolicyTest needs a sample value of " + type.getName() + " for " + method);
    }
}
