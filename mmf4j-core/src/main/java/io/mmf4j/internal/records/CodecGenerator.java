package io.mmf4j.internal.records;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.lang.reflect.Modifier;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Generates, with {@code java.lang.classfile}, one hidden class per {@link RecordShape}: a final subclass of
 * {@link RecordLayoutImpl} whose four methods read and write the record in each byte order as straight-line code —
 * one bounds check, then one {@code MemorySegment.get}/{@code set} per primitive through a constant value layout,
 * and the record's constructor and accessors as constant method handles (class data, loaded with {@code ldc}) —
 * so the JIT sees the same loads and stores as hand-written {@code getShort}/{@code putShort} code, and can
 * scalar-replace the record. The hidden class lives in this package (it extends a package type), not in the
 * record's: it reaches the record only through the method handles, so the record's package need not be open to
 * anything once the handles exist. Stateless; thread-safe.
 */
final class CodecGenerator {
    private static final ClassDesc CD_SEGMENT = desc(MemorySegment.class);
    private static final ClassDesc CD_RECORD = desc(Record.class);
    private static final ClassDesc CD_SHAPE = desc(RecordShape.class);
    private static final ClassDesc CD_BASE = desc(RecordLayoutImpl.class);
    private static final MethodTypeDesc READ = MethodTypeDesc.of(CD_RECORD, CD_SEGMENT, ConstantDescs.CD_long);
    private static final MethodTypeDesc WRITE =
            MethodTypeDesc.of(ConstantDescs.CD_void, CD_SEGMENT, ConstantDescs.CD_long, CD_RECORD);
    private static final int SEGMENT_SLOT = 1;
    private static final int POSITION_SLOT = 2;
    private static final int RECORD_SLOT = 4;

    private CodecGenerator() {}

    /**
     * A new layout object for {@code shape}: an instance of a hidden class made for it. Records are made with
     * {@code new} and the constructor's {@code invokespecial} where the record, its canonical constructor (and its
     * nested records') are public and exported to io.mmf4j: a constructor method handle allocates through
     * {@code Unsafe.allocateInstance}, whose compiled form tests a JVMTI flag
     * ({@code JvmtiExport::_should_notify_object_alloc}) for every record even when the record itself is
     * scalar-replaced. Elsewhere through {@link RecordShape#constructor()}: a static factory beside the record
     * where its lookup may define one ({@link RecordFactories}), else the constructor's method handle.
     */
    static RecordLayoutImpl<?> generate(RecordShape shape) {
        return generate(shape, directlyConstructible(shape));
    }

    private static RecordLayoutImpl<?> generate(RecordShape shape, boolean direct) {
        List<Object> constants = new ArrayList<>();
        ClassDesc self = ClassDesc.of(CodecGenerator.class.getPackageName() + ".Codec");
        byte[] bytes = ClassFile.of().build(self, type -> {
            type.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
            type.withSuperclass(CD_BASE);
            type.withMethodBody(ConstantDescs.INIT_NAME, MethodTypeDesc.of(ConstantDescs.CD_void, CD_SHAPE),
                    ClassFile.ACC_PUBLIC, code -> code.aload(0).aload(1)
                            .invokespecial(CD_BASE, ConstantDescs.INIT_NAME, MethodTypeDesc.of(ConstantDescs.CD_void, CD_SHAPE))
                            .return_());
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                String suffix = order == ByteOrder.BIG_ENDIAN ? "Big" : "Little";
                type.withMethodBody("read" + suffix, READ, ClassFile.ACC_PROTECTED | ClassFile.ACC_FINAL, code -> {
                    checkBounds(code, shape.byteSize());
                    read(code, shape, 0, order, constants, direct);
                    code.checkcast(CD_RECORD).areturn();
                });
                type.withMethodBody("write" + suffix, WRITE, ClassFile.ACC_PROTECTED | ClassFile.ACC_FINAL, code -> {
                    checkBounds(code, shape.byteSize()); // all or nothing: a record that does not fit writes no byte
                    List<Value> values = new ArrayList<>();
                    load(code, shape, RECORD_SLOT, 0, values, constants); // every accessor runs before any store
                    for (Value value : values) {
                        code.aload(SEGMENT_SLOT).loadConstant(constant(constants, access(value.type(), order)))
                                .lload(POSITION_SLOT).loadConstant(value.offset()).ladd()
                                .loadLocal(TypeKind.from(value.type()), value.slot())
                                .invokeinterface(CD_SEGMENT, "set", MethodTypeDesc.of(ConstantDescs.CD_void,
                                        layoutDesc(value.type()), ConstantDescs.CD_long, desc(value.type())));
                    }
                    code.return_();
                });
            }
        });
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, List.copyOf(constants), true);
            MethodHandle create = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class, RecordShape.class));
            return (RecordLayoutImpl<?>) create.invoke(shape);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot make the codec of record " + shape.type().getName(), t);
        }
    }

    /** A primitive held in a local: its type, its local slot, its offset from the record's start. */
    private record Value(Class<?> type, int slot, long offset) {}

    /**
     * {@code Objects.checkIndex(position, segment.byteSize() - (size - 1))}: 0 <= position and position + size <=
     * byteSize (a negative length, for a segment smaller than the record, fails too). checkIndex, not
     * checkFromIndexSize: the JIT knows it (an intrinsic) and can hoist it out of a loop.
     */
    private static void checkBounds(CodeBuilder code, long size) {
        code.lload(POSITION_SLOT).aload(SEGMENT_SLOT)
                .invokeinterface(CD_SEGMENT, "byteSize", MethodTypeDesc.of(ConstantDescs.CD_long))
                .loadConstant(size - 1).lsub()
                .invokestatic(desc(Objects.class), "checkIndex", MethodTypeDesc.of(ConstantDescs.CD_long,
                        ConstantDescs.CD_long, ConstantDescs.CD_long))
                .pop2();
    }

    /**
     * Whether io.mmf4j's code may make {@code shape}'s records (and its nested records) with {@code new}: public
     * classes with public canonical constructors in packages exported to io.mmf4j, which io.mmf4j's class loader
     * resolves by name. Makes io.mmf4j read the records' modules, as bytecode needs.
     */
    private static boolean directlyConstructible(RecordShape shape) {
        Class<?> type = shape.type();
        Module mine = CodecGenerator.class.getModule();
        if (!Modifier.isPublic(type.getModifiers()) || !type.getModule().isExported(type.getPackageName(), mine)
                || !RecordFactories.visible(type, CodecGenerator.class.getClassLoader())) {
            return false;
        }
        try {
            if (!Modifier.isPublic(type.getDeclaredConstructor(shape.componentTypes()).getModifiers())) {
                return false;
            }
        } catch (NoSuchMethodException e) {
            return false;
        }
        for (RecordShape.Field field : shape.fields()) {
            if (field.nested() != null && !directlyConstructible(field.nested())) {
                return false;
            }
        }
        mine.addReads(type.getModule());
        return true;
    }

    /**
     * Pushes a new record of {@code shape} read at {@code position + base}: with {@code new} and {@code invokespecial}
     * (its exact type) when {@code direct}, else through the constructor's handle (as an Object).
     */
    private static void read(CodeBuilder code, RecordShape shape, long base, ByteOrder order, List<Object> constants,
                             boolean direct) {
        MethodHandle constructor = shape.constructor();
        ClassDesc record = desc(shape.type());
        if (direct) {
            code.new_(record).dup();
        } else {
            code.loadConstant(constant(constants, constructor));
        }
        for (RecordShape.Field field : shape.fields()) {
            if (field.nested() != null) {
                read(code, field.nested(), base + field.offset(), order, constants, direct);
            } else {
                code.aload(SEGMENT_SLOT).loadConstant(constant(constants, access(field.type(), order)))
                        .lload(POSITION_SLOT).loadConstant(base + field.offset()).ladd()
                        .invokeinterface(CD_SEGMENT, "get", MethodTypeDesc.of(desc(field.type()), layoutDesc(field.type()),
                                ConstantDescs.CD_long));
            }
        }
        if (direct) {
            ClassDesc[] parameters = Arrays.stream(shape.componentTypes()).map(CodecGenerator::desc)
                    .toArray(ClassDesc[]::new);
            code.invokespecial(record, ConstantDescs.INIT_NAME, MethodTypeDesc.of(ConstantDescs.CD_void, parameters));
        } else {
            code.invokevirtual(ConstantDescs.CD_MethodHandle, "invokeExact",
                    constructor.type().describeConstable().orElseThrow());
        }
    }

    /** Stores every primitive of the record in local {@code slot} (nested records' too) in new locals. */
    private static void load(CodeBuilder code, RecordShape shape, int slot, long base, List<Value> values,
                             List<Object> constants) {
        for (RecordShape.Field field : shape.fields()) {
            MethodHandle accessor = field.accessor();
            code.loadConstant(constant(constants, accessor)).aload(slot)
                    .invokevirtual(ConstantDescs.CD_MethodHandle, "invokeExact", accessor.type().describeConstable().orElseThrow());
            if (field.nested() != null) {
                code.loadConstant("component '" + field.name() + "' of record " + shape.type().getName() + " is null")
                        .invokestatic(desc(Objects.class), "requireNonNull", MethodTypeDesc.of(ConstantDescs.CD_Object,
                                ConstantDescs.CD_Object, ConstantDescs.CD_String));
                int nested = code.allocateLocal(TypeKind.REFERENCE);
                code.astore(nested);
                load(code, field.nested(), nested, base + field.offset(), values, constants);
            } else {
                TypeKind kind = TypeKind.from(field.type());
                int local = code.allocateLocal(kind);
                code.storeLocal(kind, local);
                values.add(new Value(field.type(), local, base + field.offset()));
            }
        }
    }

    /** A class-data constant: {@code ldc} of it gives {@code value}, a constant to the JIT. */
    private static DynamicConstantDesc<Object> constant(List<Object> constants, Object value) {
        int index = constants.size();
        constants.add(value);
        ClassDesc type = value instanceof MethodHandle ? ConstantDescs.CD_MethodHandle : layoutDesc(((ValueLayout) value).carrier());
        return DynamicConstantDesc.ofNamed(ConstantDescs.BSM_CLASS_DATA_AT, ConstantDescs.DEFAULT_NAME, type, index);
    }

    /** The layout a component is read and written through: any position (unaligned), in {@code order}. */
    private static ValueLayout access(Class<?> type, ByteOrder order) {
        return RecordShape.valueLayout(type).withByteAlignment(1).withOrder(order);
    }

    private static ClassDesc layoutDesc(Class<?> primitive) {
        String name = Character.toUpperCase(primitive.getName().charAt(0)) + primitive.getName().substring(1);
        return ClassDesc.of("java.lang.foreign.ValueLayout$Of" + name);
    }

    private static ClassDesc desc(Class<?> type) {
        return type.describeConstable().orElseThrow();
    }
}
