package io.mmf4j.cli;

import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmf dump NAME|FILE}: the bytes of a named map or a file, as {@code xxd} prints them — offset, sixteen
 * bytes in hex, the same bytes as ASCII — read through a read-only view. Runs of identical lines are shown
 * once and then {@code *}, as {@code xxd -a} and {@code hexdump} do, so a fresh 1 GiB map is three lines.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Prints the bytes of a named map or a file as hex and ASCII, like xxd.")
final class DumpCommand implements Callable<Integer> {
    private static final int LINE = 16;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    NamespaceOption where;

    @Parameters(paramLabel = "NAME|FILE", description = "A file (when one exists at that path) or a named map.")
    String target;

    @Option(names = {"-s", "--offset"}, paramLabel = "N", converter = Sizes.Offset.class,
            description = "Start this many bytes into the map (default 0; 0x100 and 4K work too).")
    long offset;

    @Option(names = {"-l", "--length"}, paramLabel = "N", converter = Sizes.Offset.class,
            description = "Dump at most N bytes (default: to the end).")
    Long length;

    @Option(names = {"-a", "--all"}, description = "Print every line, also runs of identical ones.")
    boolean all;

    @Option(names = "--json", description = "Print JSON: the target, the range and the bytes as one hex string (at most 16 MiB).")
    boolean json;

    /** The most bytes --json puts in one string. */
    static final long JSON_LIMIT = 16L << 20;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Target map = Target.open(target, false, where.namespace())) {
            if (offset > map.capacity()) {
                throw new CliException("offset " + offset + " is past the end of " + map.description() + ", which holds "
                        + map.capacity() + " bytes");
            }
            long count = Math.min(length == null ? Long.MAX_VALUE : length, map.capacity() - offset);
            if (json && count > JSON_LIMIT) {
                throw new CliException("--json dumps at most " + Sizes.human(JSON_LIMIT) + "; pick a range with --offset"
                        + " and --length (" + map.description() + " has " + Sizes.human(count) + " from offset " + offset + ")");
            }
            if (json) {
                byte[] bytes = new byte[(int) count];
                if (count > 0) {
                    try (MemoryMappedViewAccessor view = map.map().createViewAccessor(offset, count, MemoryMappedFileAccess.READ)) {
                        view.readArray(0, bytes, 0, bytes.length);
                    }
                }
                out.printf(java.util.Locale.ROOT, "{\"target\": %s, \"capacity\": %d, \"offset\": %d, \"length\": %d, \"hex\": \"%s\"}%n",
                        Json.string(map.description()), map.capacity(), offset, count, java.util.HexFormat.of().formatHex(bytes));
                out.flush();
                return 0;
            }
            if (count == 0) {
                return 0;
            }
            try (MemoryMappedViewAccessor view = map.map().createViewAccessor(offset, count, MemoryMappedFileAccess.READ)) {
                dump(view, offset, count, out);
            }
        }
        out.flush();
        return 0;
    }

    private void dump(MemoryMappedViewAccessor view, long base, long count, PrintWriter out) {
        byte[] block = new byte[64 * 1024];
        byte[] previous = null;
        boolean squeezing = false;
        StringBuilder line = new StringBuilder(80);
        for (long at = 0; at < count; at += block.length) {
            int n = (int) Math.min(block.length, count - at);
            view.readArray(at, block, 0, n);
            for (int i = 0; i < n; i += LINE) {
                byte[] bytes = Arrays.copyOfRange(block, i, Math.min(n, i + LINE));
                boolean last = at + i + bytes.length == count;
                if (!all && !last && previous != null && Arrays.equals(bytes, previous)) {
                    if (!squeezing) {
                        out.println("*");
                        squeezing = true;
                    }
                    continue;
                }
                squeezing = false;
                previous = bytes;
                line.setLength(0);
                format(base + at + i, bytes, line);
                out.println(line);
            }
        }
    }

    /** One xxd line: {@code 00000010: 7468 6973 2069 7320 ...  this is ...}. */
    static void format(long address, byte[] bytes, StringBuilder line) {
        line.append(String.format("%08x:", address));
        for (int i = 0; i < LINE; i++) {
            if (i % 2 == 0) {
                line.append(' ');
            }
            if (i < bytes.length) {
                line.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
            } else {
                line.append("  ");
            }
        }
        line.append("  ");
        for (byte b : bytes) {
            line.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
    }
}
