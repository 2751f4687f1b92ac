package io.mmf4j.cli;

import io.mmf4j.vm.MemoryArea;
import io.mmf4j.vm.RegionType;
import io.mmf4j.vm.VirtualMemory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmf walk [PID]}: the address space of a process — the Win32 article's ProcessWalker, Sysinternals VMMap,
 * {@code pmap -X} — from {@link VirtualMemory#walk(long)}: a row per region and totals by type, or JSON, or an
 * SVG picture. Without a PID it starts a fresh demo process ({@link WalkSubject}) that holds one of each kind
 * of mapping, walks it, and ends it.
 *
 * {@snippet lang = "shell" :
 * ./mmf walk --type mapped_file --sort resident   # the demo process's mapped files, most resident first
 * ./mmf walk 1234 --json --svg /tmp/1234.svg       # another process, as JSON and as a picture
 * }
 */
@Command(name = "walk", mixinStandardHelpOptions = true,
        description = {"Shows the address space of a process: one row per region, then totals by type.",
                "Without PID it starts a demo process that holds a mapped file, a named map, a copy-on-write view"
                        + " and a reserved, partly committed region, and shows that."})
final class WalkCommand implements Callable<Integer> {

    /** Row orders for {@code --sort}. */
    enum Sort {
        ADDRESS((a, b) -> Long.compareUnsigned(a.start(), b.start())),
        SIZE(Comparator.comparingLong(MemoryArea::size).reversed()),
        RESIDENT(Comparator.comparingLong(MemoryArea::resident).reversed()),
        DIRTY(Comparator.comparingLong((MemoryArea a) -> a.privateDirty() + a.sharedDirty()).reversed()),
        SWAPPED(Comparator.comparingLong(MemoryArea::swapped).reversed()),
        TYPE(Comparator.comparing(MemoryArea::type));

        final Comparator<MemoryArea> order;

        Sort(Comparator<MemoryArea> order) {
            this.order = order.thenComparing((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PID", arity = "0..1", description = "The process to walk (default: a fresh demo process).")
    Long pid;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Only regions of these types: ${COMPLETION-CANDIDATES} (comma-separated or repeated).")
    Set<RegionType> types;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "address",
            description = "Row order: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; sizes largest first).")
    Sort sort;

    @Option(names = "--json", description = "Print JSON: every region and the totals by type.")
    boolean json;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw the address space as an SVG picture in FILE.")
    Path svg;

    @Override
    public Integer call() throws Exception {
        if (pid != null) {
            return show(pid, List.of());
        }
        return showDemoProcess();
    }

    private int show(long target, List<String> notes) throws Exception {
        if (target <= 0) {
            throw new ParameterException(spec.commandLine(), "a process id is a positive number, not " + target);
        }
        if (svg != null) { // fail before printing anything, not after the whole table
            Path folder = svg.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
                throw new CliException("cannot write the SVG picture to " + svg + ": " + folder
                        + (folder != null && Files.isDirectory(folder) ? " is not writable" : " is not a folder"));
            }
        }
        List<MemoryArea> areas;
        try {
            areas = VirtualMemory.walk(target);
        } catch (NoSuchFileException e) {
            throw new CliException("no such process: " + target);
        } catch (AccessDeniedException e) {
            throw new CliException("permission denied: process " + target + " belongs to another user"
                    + " (its memory map, " + e.getFile() + ", is readable by its owner and root only)");
        }
        if (areas.isEmpty()) {
            throw new CliException(ProcessStatus.describeEmpty(target));
        }
        List<MemoryArea> shown = new ArrayList<>();
        Set<RegionType> wanted = types == null || types.isEmpty() ? EnumSet.allOf(RegionType.class) : types;
        for (MemoryArea area : areas) {
            if (wanted.contains(area.type())) {
                shown.add(area);
            }
        }
        shown.sort(sort.order);
        String command = ProcessHandle.of(target).flatMap(p -> p.info().command()).map(c -> Path.of(c).getFileName()
                .toString()).orElse("?");
        WalkReport report = new WalkReport(target, command, shown, notes);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(report.json());
        } else {
            out.print(report.table());
        }
        if (svg != null) {
            Files.writeString(svg, new WalkSvg(report).render(), StandardCharsets.UTF_8);
            if (!json) {
                out.println("drew " + shown.size() + " regions to " + svg);
            }
        }
        out.flush();
        return 0;
    }

    /** Starts {@code mmf walk-subject} on this JVM's module path, walks it once it is ready, then ends it. */
    private int showDemoProcess() throws Exception {
        Process child = new ProcessBuilder(MmfChild.command("walk-subject")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            List<String> notes = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); !"ready".equals(line); line = lines.readLine()) {
                if (line == null) {
                    throw new CliException("the demo process ended before it was ready (exit code "
                            + child.waitFor() + ")");
                }
                notes.add(line);
            }
            return show(child.pid(), notes);
        } finally {
            child.getOutputStream().close(); // its signal to let go and exit
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }
}
