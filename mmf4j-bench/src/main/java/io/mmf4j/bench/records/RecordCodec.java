package io.mmf4j.bench.records;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.RecordComponent;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The record codec mmf4j had before RecordLayout (kept verbatim as a benchmark contestant, the "before" of the
 * records section): method-handle trees held in instance fields, so the JIT cannot inline them.
 *
 * <p>Reads and writes a record of primitive components as a packed struct: components in declaration order,
 * no padding, in a given byte order. Built once per record class (a {@link ClassValue}) into method-handle
 * trees, so a read or write does no reflection and boxes nothing.
 */
final class RecordCodec {
    private static final ClassValue<RecordCodec> CODECS = new ClassValue<>() {
        @Override
        protected RecordCodec computeValue(Class<?> type) {
            return new RecordCodec(type);
        }
    };
    private static final MethodType READER_TYPE = MethodType.methodType(Record.class, MemorySegment.class, long.class);
    private static final MethodType WRITER_TYPE =
            MethodType.methodType(void.class, MemorySegment.class, long.class, Record.class);
    private static final MethodHandle ADD_OFFSET;
    private static final MethodHandle BYTE_TO_BOOLEAN;
    private static final MethodHandle BOOLEAN_TO_BYTE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ADD_OFFSET = lookup.findStatic(RecordCodec.class, "addOffset",
                    MethodType.methodType(long.class, long.class, long.class));
            BYTE_TO_BOOLEAN = lookup.findStatic(RecordCodec.class, "byteToBoolean",
                    MethodType.methodType(boolean.class, byte.class));
            BOOLEAN_TO_BYTE = lookup.findStatic(RecordCodec.class, "booleanToByte",
                    MethodType.methodType(byte.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Class<?> type;
    private final long size;
    private final MethodHandle readerLittle;
    private final MethodHandle readerBig;
    private final MethodHandle writerLittle;
    private final MethodHandle writerBig;

    private RecordCodec(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record class");
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 0) {
            throw new IllegalArgumentException("record " + type.getName() + " has no components to read or write");
        }
        for (RecordComponent component : components) {
            if (!component.getType().isPrimitive()) {
                throw new IllegalArgumentException("record " + type.getName() + " has component '" + component.getName()
                        + "' of type " + component.getType().getName() + ": only primitive components can be packed");
            }
        }
        this.type = type;
        MethodHandles.Lookup lookup = lookupFor(type);
        long total = 0;
        for (RecordComponent component : components) {
            total += layout(component.getType(), ByteOrder.LITTLE_ENDIAN).byteSize();
        }
        this.size = total;
        try {
            this.readerLittle = reader(lookup, components, ByteOrder.LITTLE_ENDIAN);
            this.readerBig = reader(lookup, components, ByteOrder.BIG_ENDIAN);
            this.writerLittle = writer(lookup, components, ByteOrder.LITTLE_ENDIAN);
            this.writerBig = writer(lookup, components, ByteOrder.BIG_ENDIAN);
        } catch (IllegalAccessException e) {
            throw inaccessible(type, e);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    /** The codec of {@code type}, built on first use. */
    public static RecordCodec of(Class<? extends Record> type) {
        Objects.requireNonNull(type, "type must not be null");
        return CODECS.get(type);
    }

    /** The packed size in bytes. */
    public long size() {
        return size;
    }

    public <R extends Record> R read(MemorySegment segment, long position, boolean bigEndian, Class<R> expected) {
        Objects.checkFromIndexSize(position, size, segment.byteSize());
        try {
            Record record = (Record) (bigEndian ? readerBig : readerLittle).invokeExact(segment, position);
            return expected.cast(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("record reader of " + type.getName() + " threw", t);
        }
    }

    public void write(MemorySegment segment, long position, boolean bigEndian, Record record) {
        Objects.checkFromIndexSize(position, size, segment.byteSize()); // all or nothing: no half-written record
        try {
            (bigEndian ? writerBig : writerLittle).invokeExact(segment, position, record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("record writer of " + type.getName() + " threw", t);
        }
    }

    private static MethodHandle reader(MethodHandles.Lookup lookup, RecordComponent[] components, ByteOrder order)
            throws IllegalAccessException, NoSuchMethodException {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Class<?> type = components[0].getDeclaringRecord();
        MethodHandle result = lookup.findConstructor(type, MethodType.methodType(void.class, types));
        long[] offsets = offsets(components, order);
        for (int i = components.length - 1; i >= 0; i--) {
            result = MethodHandles.collectArguments(result, i, componentGetter(types[i], order, offsets[i]));
        }
        int[] reorder = new int[components.length * 2];
        for (int i = 0; i < components.length; i++) {
            reorder[2 * i] = 0;
            reorder[2 * i + 1] = 1;
        }
        MethodType collapsed = MethodType.methodType(type, MemorySegment.class, long.class);
        return MethodHandles.permuteArguments(result, collapsed, reorder).asType(READER_TYPE);
    }

    private static MethodHandle writer(MethodHandles.Lookup lookup, RecordComponent[] components, ByteOrder order)
            throws IllegalAccessException {
        long[] offsets = offsets(components, order);
        MethodHandle result = null;
        for (int i = components.length - 1; i >= 0; i--) {
            MethodHandle accessor = lookup.unreflect(components[i].getAccessor());
            MethodHandle setter = componentSetter(components[i].getType(), order, offsets[i]);
            MethodHandle step = MethodHandles.filterArguments(setter, 2, accessor).asType(WRITER_TYPE);
            result = result == null ? step : MethodHandles.foldArguments(result, step);
        }
        return result;
    }

    private static long[] offsets(RecordComponent[] components, ByteOrder order) {
        long[] offsets = new long[components.length];
        long offset = 0;
        for (int i = 0; i < components.length; i++) {
            offsets[i] = offset;
            offset += layout(components[i].getType(), order).byteSize();
        }
        return offsets;
    }

    /** {@code (MemorySegment, long position) -> T}, reading at {@code position + offset}. */
    private static MethodHandle componentGetter(Class<?> type, ByteOrder order, long offset) {
        VarHandle handle = layout(type, order).varHandle();
        MethodHandle getter = handle.toMethodHandle(VarHandle.AccessMode.GET);
        getter = MethodHandles.filterArguments(getter, 1, MethodHandles.insertArguments(ADD_OFFSET, 1, offset));
        return type == boolean.class ? MethodHandles.filterReturnValue(getter, BYTE_TO_BOOLEAN) : getter;
    }

    /** {@code (MemorySegment, long position, T) -> void}, writing at {@code position + offset}. */
    private static MethodHandle componentSetter(Class<?> type, ByteOrder order, long offset) {
        VarHandle handle = layout(type, order).varHandle();
        MethodHandle setter = handle.toMethodHandle(VarHandle.AccessMode.SET);
        setter = MethodHandles.filterArguments(setter, 1, MethodHandles.insertArguments(ADD_OFFSET, 1, offset));
        return type == boolean.class ? MethodHandles.filterArguments(setter, 2, BOOLEAN_TO_BYTE) : setter;
    }

    private static ValueLayout layout(Class<?> type, ByteOrder order) {
        ValueLayout layout;
        if (type == byte.class || type == boolean.class) {
            layout = ValueLayout.JAVA_BYTE;
        } else if (type == short.class) {
            layout = ValueLayout.JAVA_SHORT_UNALIGNED;
        } else if (type == char.class) {
            layout = ValueLayout.JAVA_CHAR_UNALIGNED;
        } else if (type == int.class) {
            layout = ValueLayout.JAVA_INT_UNALIGNED;
        } else if (type == long.class) {
            layout = ValueLayout.JAVA_LONG_UNALIGNED;
        } else if (type == float.class) {
            layout = ValueLayout.JAVA_FLOAT_UNALIGNED;
        } else if (type == double.class) {
            layout = ValueLayout.JAVA_DOUBLE_UNALIGNED;
        } else {
            throw new IllegalArgumentException("not a primitive component type: " + type.getName());
        }
        return layout.withOrder(order);
    }

    /** Full access to the record's constructor and accessors: the record's package must be open to us. */
    private static MethodHandles.Lookup lookupFor(Class<?> type) {
        Module ours = RecordCodec.class.getModule();
        ours.addReads(type.getModule());
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException notOpen) {
            if (java.lang.reflect.Modifier.isPublic(type.getModifiers())
                    && type.getModule().isExported(type.getPackageName())) {
                return MethodHandles.publicLookup();
            }
            throw inaccessible(type, notOpen);
        }
    }

    private static IllegalArgumentException inaccessible(Class<?> type, Exception cause) {
        return new IllegalArgumentException("record " + type.getName() + " is not accessible to io.mmf4j: make it public"
                + " in an exported package, or open its package to io.mmf4j", cause);
    }

    private static long addOffset(long position, long offset) {
        return position + offset;
    }

    private static boolean byteToBoolean(byte value) {
        return value != 0;
    }

    private static byte booleanToByte(boolean value) {
        return value ? (byte) 1 : (byte) 0;
    }
}
