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

    @Parameters(paramLabel = "PID", arity = "0..*", description = "The processes to walk (default: a fresh demo process).")
    List<Long> pids = List.of();

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Only regions of these types: ${COMPLETION-CANDIDATES} (comma-separated or repeated).")
    Set<RegionType> types;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "address",
            description = "Row order: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; sizes largest first).")
    Sort sort;

    @Option(names = "--json", description = "Print JSON: every region and the totals by type.")
    boolean json;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw the address space as an SVG picture in FILE (one process).")
    Path svg;

    @Option(names = {"-X", "--extended"},
            description = "More columns, as pmap -X: file offset, device, inode, Pss, Pss dirty, locked, VmFlags.")
    boolean extended;

    @Option(names = "--range", paramLabel = "FROM-TO", converter = AddressRange.Converter.class,
            description = "Only regions that overlap the addresses FROM (inclusive) to TO (exclusive), e.g. 0x7f0000000000-0x7fffffffffff.")
    AddressRange range = AddressRange.ALL;

    @Override
    public Integer call() throws Exception {
        if (pids.isEmpty()) {
            return showDemoProcess();
        }
        if (svg != null && pids.size() > 1) {
            throw new ParameterException(spec.commandLine(), "--svg draws one process, not " + pids.size());
        }
        List<WalkReport> reports = new ArrayList<>();
        for (long target : pids) {
            reports.add(report(target, List.of()));
        }
        print(reports);
        return 0;
    }

    private WalkReport report(long target, List<String> notes) throws Exception {
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
            if (wanted.contains(area.type()) && range.overlaps(area.start(), area.end())) {
                shown.add(area);
            }
        }
        shown.sort(sort.order);
        String command = ProcessHandle.of(target).flatMap(p -> p.info().command()).map(c -> Path.of(c).getFileName()
                .toString()).orElse("?");
        return new WalkReport(target, command, shown, notes);
    }

    /** One report as a table or a JSON object; several as tables one after another, or as a JSON array. */
    private void print(List<WalkReport> reports) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(reports.size() == 1 ? reports.get(0).json()
                    : "[\n" + String.join(",\n", reports.stream().map(r -> r.json().strip()).toList()) + "\n]\n");
        } else {
            for (int i = 0; i < reports.size(); i++) {
                out.print((i == 0 ? "" : "\n") + reports.get(i).table(extended));
            }
        }
        if (svg != null) {
            WalkReport report = reports.get(0);
            Files.writeString(svg, new WalkSvg(report).render(), StandardCharsets.UTF_8);
            if (!json) {
                out.println("drew " + Sizes.count(report.areas().size(), "region") + " to " + svg);
            }
        }
        out.flush();
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
            print(List.of(report(child.pid(), notes)));
            return 0;
        } finally {
            child.getOutputStream().close(); // its signal to let go and exit
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }
}
