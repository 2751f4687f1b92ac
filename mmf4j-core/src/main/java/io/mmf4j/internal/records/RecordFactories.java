package io.mmf4j.internal.records;

import java.lang.classfile.ClassFile;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.util.Arrays;

/**
 * Static factories for records the generated codecs cannot make with {@code new} themselves (a record that is not
 * public, or not exported to io.mmf4j): a hidden class beside the lookup's class, in its nest, whose one static
 * method does {@code new R(...)} — so the codec calls a static method, which the JIT inlines down to the
 * allocation, rather than the constructor's method handle, whose {@code Unsafe.allocateInstance} tests a JVMTI flag
 * for every record even when the record is scalar-replaced (BENCHMARKS.md, records). Stateless.
 */
final class RecordFactories {
    private RecordFactories() {}

    /**
     * A static {@code (components...) -> R} handle for {@code type}, made with {@code lookup}; {@code null} where the
     * lookup cannot define classes (no full privilege) or cannot name the record (another class loader), and the
     * caller keeps the constructor's handle. {@code lookup} already found the constructor: a nestmate of its class
     * may call it.
     */
    static MethodHandle factory(MethodHandles.Lookup lookup, Class<?> type, Class<?>[] parameters) {
        if (!lookup.hasFullPrivilegeAccess() || !visible(type, lookup.lookupClass().getClassLoader())) {
            return null;
        }
        ClassDesc record = type.describeConstable().orElseThrow();
        ClassDesc[] parameterDescs = Arrays.stream(parameters).map(p -> p.describeConstable().orElseThrow())
                .toArray(ClassDesc[]::new);
        MethodTypeDesc make = MethodTypeDesc.of(record, parameterDescs);
        String host = lookup.lookupClass().getName();
        ClassDesc self = ClassDesc.of(host.substring(0, host.lastIndexOf('.') + 1) + "RecordFactory");
        byte[] bytes = ClassFile.of().build(self, clazz -> {
            clazz.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
            clazz.withMethodBody("make", make, ClassFile.ACC_STATIC, code -> {
                code.new_(record).dup();
                int slot = 0;
                for (Class<?> parameter : parameters) {
                    TypeKind kind = TypeKind.from(parameter);
                    code.loadLocal(kind, slot);
                    slot += kind.slotSize();
                }
                code.invokespecial(record, ConstantDescs.INIT_NAME, MethodTypeDesc.of(ConstantDescs.CD_void, parameterDescs))
                        .areturn();
            });
        });
        try {
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            return hidden.findStatic(hidden.lookupClass(), "make", MethodType.methodType(type, parameters));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError refused) {
            return null; // the constructor's handle serves
        }
    }

    /** Whether code defined by {@code loader} resolves {@code type}'s name to {@code type}. */
    static boolean visible(Class<?> type, ClassLoader loader) {
        try {
            return Class.forName(type.getName(), false, loader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
