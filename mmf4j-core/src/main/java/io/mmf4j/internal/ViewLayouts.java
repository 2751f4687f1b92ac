package io.mmf4j.internal;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The value layouts of views' accessors and streams, defined once: unaligned (a view's data has any layout the
 * user chose), little-endian by default (as .NET's accessor and x86 are), and big-endian for an accessor made
 * {@code withOrder(BIG_ENDIAN)}. Constants only.
 */
final class ViewLayouts {
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfChar CHAR = ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfShort SHORT_BIG = SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfChar CHAR_BIG = CHAR.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt INT_BIG = INT.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong LONG_BIG = LONG.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfFloat FLOAT_BIG = FLOAT.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfDouble DOUBLE_BIG = DOUBLE.withOrder(ByteOrder.BIG_ENDIAN);

    private ViewLayouts() {}
}
