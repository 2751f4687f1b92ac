package io.mmf4j.internal.records;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The layout of one record class in memory: its components in declaration order, each a primitive or a nested
 * record, at offsets fixed by the layout's kind — packed (no padding) or aligned (C's natural alignment: each
 * value at a multiple of its size, a nested record at a multiple of its largest member, the size rounded up to
 * the alignment, as gcc lays out the struct on x86-64 and AArch64). Built once per record class and kind, by
 * reflection; the method handles of the constructor and the accessors come from a lookup that may use them.
 * Immutable; thread-safe.
 *
 * @param type       the record class
 * @param aligned    C natural alignment (true) or packed (false)
 * @param byteSize   the record's size in bytes, trailing padding included
 * @param alignment  the largest alignment of a member (1 when packed)
 * @param constructor what makes a record from its components — a static factory beside the lookup's class where
 *                   the lookup may define one ({@link RecordFactories}), else the canonical constructor — its
 *                   reference parameters and its result erased to Object
 * @param fields     the components in declaration order
 * @param layout     the record as an FFM struct layout, in little-endian order
 */
public record RecordShape(Class<?> type, boolean aligned, long byteSize, long alignment, MethodHandle constructor,
                          List<Field> fields, StructLayout layout) {

    /**
     * One component: a primitive ({@code nested == null}) or a nested record, at {@code offset} from the start of
     * the record that declares it.
     *
     * @param accessor the component's accessor, {@code (Object) -> T} with a reference T erased to Object
     */
    public record Field(String name, Class<?> type, long offset, MethodHandle accessor, RecordShape nested) {}

    /** The shape of {@code type}, reading its constructor and accessors through {@code lookup}. */
    static RecordShape of(Class<?> type, boolean aligned, MethodHandles.Lookup lookup) {
        return of(type, aligned, lookup, new HashSet<>());
    }

    private static RecordShape of(Class<?> type, boolean aligned, MethodHandles.Lookup lookup, Set<Class<?>> enclosing) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record class");
        }
        if (!enclosing.add(type)) {
            throw new IllegalArgumentException("record " + type.getName() + " contains itself: it has no fixed size");
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 0) {
            throw new IllegalArgumentException("record " + type.getName() + " has no components to read or write");
        }
        List<Field> fields = new ArrayList<>();
        List<MemoryLayout> members = new ArrayList<>();
        Class<?>[] parameters = new Class<?>[components.length];
        long offset = 0;
        long alignment = 1;
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Class<?> componentType = component.getType();
            parameters[i] = componentType;
            RecordShape nested = null;
            MemoryLayout member;
            if (componentType.isPrimitive()) {
                ValueLayout value = valueLayout(componentType);
                member = aligned ? value : value.withByteAlignment(1);
            } else if (componentType.isRecord()) {
                nested = of(componentType, aligned, lookup, enclosing);
                member = nested.layout();
            } else {
                throw new IllegalArgumentException("record " + type.getName() + " has component '" + component.getName()
                        + "' of type " + componentType.getName()
                        + ": only primitive and record components can be laid out in memory");
            }
            long memberAlignment = member.byteAlignment();
            if (aligned && offset % memberAlignment != 0) {
                long padding = memberAlignment - offset % memberAlignment;
                members.add(MemoryLayout.paddingLayout(padding));
                offset += padding;
            }
            alignment = Math.max(alignment, memberAlignment);
            members.add(member.withName(component.getName()));
            fields.add(new Field(component.getName(), componentType, offset, accessor(lookup, type, component), nested));
            offset += member.byteSize();
        }
        if (aligned && offset % alignment != 0) {
            long padding = alignment - offset % alignment;
            members.add(MemoryLayout.paddingLayout(padding));
            offset += padding;
        }
        enclosing.remove(type);
        StructLayout layout = MemoryLayout.structLayout(members.toArray(MemoryLayout[]::new)).withName(type.getSimpleName());
        return new RecordShape(type, aligned, offset, alignment, constructor(lookup, type, parameters), List.copyOf(fields),
                layout);
    }

    /** The components' types in declaration order: the canonical constructor's parameters. */
    Class<?>[] componentTypes() {
        return fields.stream().map(Field::type).toArray(Class<?>[]::new);
    }

    /** How many primitive values the record holds, nested records' included. */
    int primitiveCount() {
        int count = 0;
        for (Field field : fields) {
            count += field.nested() == null ? 1 : field.nested().primitiveCount();
        }
        return count;
    }

    private static MethodHandle constructor(MethodHandles.Lookup lookup, Class<?> type, Class<?>[] parameters) {
        MethodHandle constructor;
        try {
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameters));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("record " + type.getName() + " has no canonical constructor", e);
        } catch (IllegalAccessException e) {
            throw RecordLayouts.inaccessible(type, e);
        }
        MethodHandle factory = RecordFactories.factory(lookup, type, parameters); // null: keep the constructor's
        MethodHandle make = factory != null ? factory : constructor;
        return make.asType(make.type().erase());
    }

    private static MethodHandle accessor(MethodHandles.Lookup lookup, Class<?> type, RecordComponent component) {
        MethodHandle accessor;
        try {
            accessor = lookup.unreflect(component.getAccessor());
        } catch (IllegalAccessException e) {
            throw RecordLayouts.inaccessible(type, e);
        }
        return accessor.asType(accessor.type().erase());
    }

    /** The value layout of a primitive type, naturally aligned, in little-endian order. */
    static ValueLayout valueLayout(Class<?> type) {
        ValueLayout layout;
        if (type == byte.class) {
            layout = ValueLayout.JAVA_BYTE;
        } else if (type == boolean.class) {
            layout = ValueLayout.JAVA_BOOLEAN;
        } else if (type == short.class) {
            layout = ValueLayout.JAVA_SHORT;
        } else if (type == char.class) {
            layout = ValueLayout.JAVA_CHAR;
        } else if (type == int.class) {
            layout = ValueLayout.JAVA_INT;
        } else if (type == long.class) {
            layout = ValueLayout.JAVA_LONG;
        } else if (type == float.class) {
            layout = ValueLayout.JAVA_FLOAT;
        } else if (type == double.class) {
            layout = ValueLayout.JAVA_DOUBLE;
        } else {
            throw new IllegalArgumentException("not a primitive component type: " + type.getName());
        }
        return layout.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
