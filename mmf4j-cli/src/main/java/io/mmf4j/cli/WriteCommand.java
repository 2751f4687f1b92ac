package io.mmf4j.cli;

import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmf write NAME|FILE --offset N}: copies the bytes of stdin into a named map or a file at an offset,
 * through a read-write view (closing the view flushes it). Never grows the map: bytes that would pass its end
 * are refused before anything is written.
 */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = {"Writes the bytes read from stdin into a named map or a file at an offset.",
                "Example: printf 'hello' | mmf write SHARED --offset 0"})
final class WriteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    NamespaceOption where;

    @Parameters(paramLabel = "NAME|FILE", description = "A file (when one exists at that path) or a named map.")
    String target;

    @Option(names = {"-s", "--offset"}, paramLabel = "N", converter = Sizes.Offset.class,
            description = "Where the first byte goes (default 0).")
    long offset;

    @Option(names = "--json", description = "Print JSON: the target, the offset and the bytes written.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Target map = Target.open(target, true, where.namespace())) {
            if (offset > map.capacity()) {
                throw new CliException("offset " + offset + " is past the end of " + map.description() + ", which holds "
                        + map.capacity() + " bytes");
            }
            long room = map.capacity() - offset;
            byte[] data = readAtMost(System.in, room);
            if (data.length > room) {
                throw new CliException("stdin holds more than the " + room + " bytes from offset " + offset
                        + " to the end of " + map.description() + "; nothing was written");
            }
            if (data.length > 0) {
                try (MemoryMappedViewAccessor view = map.map().createViewAccessor(offset, data.length,
                        MemoryMappedFileAccess.READ_WRITE)) {
                    view.writeArray(0, data, 0, data.length);
                }
            }
            if (json) {
                spec.commandLine().getOut().printf(java.util.Locale.ROOT, "{\"target\": %s, \"offset\": %d, \"written\": %d}%n",
                        Json.string(map.description()), offset, data.length);
            } else {
                spec.commandLine().getOut().printf("wrote %s to %s at offset %d%n", Sizes.count(data.length, "byte"),
                        map.description(), offset);
            }
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Reads stdin up to {@code room + 1} bytes, so that input too long for the map is seen and refused. */
    private static byte[] readAtMost(InputStream in, long room) throws Exception {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, room + 1);
        return in.readNBytes(limit);
    }
}
