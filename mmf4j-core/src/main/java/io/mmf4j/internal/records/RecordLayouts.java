package io.mmf4j.internal.records;

import io.mmf4j.internal.Checks;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;

/**
 * The layouts of every record class, made on first use and kept as long as the class (a {@link ClassValue}), with
 * a one-entry cache in front for the by-class calls ({@code view.read(position, Color.class)}): one load and one
 * comparison when a loop uses one record class. Thread-safe: a layout is made at most once per class and kind;
 * the cache entry is an immutable object published through a plain field (a stale read only costs a lookup).
 */
public final class RecordLayouts {
    /** The two layouts of one record class, made when first asked for. */
    private static final class Kinds {
        private volatile RecordLayoutImpl<?> packed;
        private volatile RecordLayoutImpl<?> aligned;
    }

    private static final ClassValue<Kinds> LAYOUTS = new ClassValue<>() {
        @Override
        protected Kinds computeValue(Class<?> type) {
            return new Kinds();
        }
    };

    /** The packed layout the last by-class call used. */
    private static RecordLayoutImpl<?> last;

    private RecordLayouts() {}

    /** The packed layout of {@code type}: the by-class fast path. */
    @SuppressWarnings("unchecked") // the entry's type is R
    public static <R extends Record> RecordLayoutImpl<R> packed(Class<R> type) {
        RecordLayoutImpl<?> layout = last;
        if (layout != null && layout.type() == type) {
            return (RecordLayoutImpl<R>) layout;
        }
        RecordLayoutImpl<R> found = of(null, type, false);
        last = found;
        return found;
    }

    /** The packed layout of a record's class. */
    @SuppressWarnings("unchecked") // a record's class is the class of R
    public static <R extends Record> RecordLayoutImpl<R> packedOf(R record) {
        return packed((Class<R>) record.getClass());
    }

    /** The layout of {@code type}, made with {@code lookup} (null: io.mmf4j's access) if it does not exist yet. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> RecordLayoutImpl<R> of(MethodHandles.Lookup lookup, Class<R> type, boolean aligned) {
        Checks.notNull(type, "type");
        Kinds kinds = LAYOUTS.get(type);
        RecordLayoutImpl<?> layout = aligned ? kinds.aligned : kinds.packed;
        if (layout == null) {
            synchronized (kinds) {
                layout = aligned ? kinds.aligned : kinds.packed;
                if (layout == null) {
                    layout = CodecGenerator.generate(RecordShape.of(type, aligned, lookup == null ? lookupFor(type) : lookup));
                    if (aligned) {
                        kinds.aligned = layout;
                    } else {
                        kinds.packed = layout;
                    }
                }
            }
        }
        return (RecordLayoutImpl<R>) layout;
    }

    /** Full access to the record's constructor and accessors: its package open to us, or public and exported. */
    private static MethodHandles.Lookup lookupFor(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record class");
        }
        RecordLayouts.class.getModule().addReads(type.getModule());
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException notOpen) {
            if (Modifier.isPublic(type.getModifiers()) && type.getModule().isExported(type.getPackageName())) {
                return MethodHandles.publicLookup();
            }
            throw inaccessible(type, notOpen);
        }
    }

    static IllegalArgumentException inaccessible(Class<?> type, Exception cause) {
        return new IllegalArgumentException("record " + type.getName() + " is not accessible to io.mmf4j: make it public"
                + " in an exported package, open its package to io.mmf4j, or make its layout once with the module's own"
                + " lookup: RecordLayout.packed(MethodHandles.lookup(), " + type.getSimpleName() + ".class)", cause);
    }
}
