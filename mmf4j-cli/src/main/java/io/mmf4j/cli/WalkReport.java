package io.mmf4j.cli;

import io.mmf4j.vm.MemoryArea;
import io.mmf4j.vm.PageState;
import io.mmf4j.vm.RegionType;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code mmf walk} found, and its text and JSON forms: a row per region, then totals by type as VMMap's
 * summary gives them. {@code notes} are the demo process's lines ({@code what 0xADDRESS size description}),
 * which label the rows that hold those addresses. Immutable.
 */
record WalkReport(long pid, String command, List<MemoryArea> areas, List<String> notes) {

    /** The sums over the regions of one type (or of all). */
    record Totals(int regions, long size, long committed, long resident, long privateDirty, long sharedDirty,
                  long swapped) {
        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0);

        Totals plus(MemoryArea a) {
            return new Totals(regions + 1, size + a.size(), committed + (a.state() == PageState.COMMITTED ? a.size() : 0),
                    resident + a.resident(), privateDirty + a.privateDirty(), sharedDirty + a.sharedDirty(),
                    swapped + a.swapped());
        }
    }

    Map<RegionType, Totals> totalsByType() {
        Map<RegionType, Totals> totals = new EnumMap<>(RegionType.class);
        for (MemoryArea area : areas) {
            totals.merge(area.type(), Totals.NONE.plus(area), WalkReport::sum);
        }
        return totals;
    }

    Totals total() {
        Totals total = Totals.NONE;
        for (MemoryArea area : areas) {
            total = total.plus(area);
        }
        return total;
    }

    private static Totals sum(Totals a, Totals b) {
        return new Totals(a.regions + b.regions, a.size + b.size, a.committed + b.committed, a.resident + b.resident,
                a.privateDirty + b.privateDirty, a.sharedDirty + b.sharedDirty, a.swapped + b.swapped);
    }

    /** The note whose range {@code [address, address + size)} overlaps {@code area}, as " <- what", or "". */
    String label(MemoryArea area) {
        for (String note : notes) {
            String[] parts = note.split(" ", 4);
            long address = Long.parseUnsignedLong(parts[1].substring(2), 16);
            long end = address + Long.parseLong(parts[2]);
            if (Long.compareUnsigned(address, area.end()) < 0 && Long.compareUnsigned(area.start(), end) < 0) {
                return "  <- " + parts[0];
            }
        }
        return "";
    }

    static String protection(MemoryArea a) {
        return (a.protection().canRead() ? "r" : "-") + (a.protection().canWrite() ? "w" : "-")
                + (a.protection().canExecute() ? "x" : "-") + (a.shared() ? "s" : "p");
    }

    /** The name column: the file, the kernel's name ({@code [heap]}, {@code [stack]}), or {@code [anon]}. */
    static String name(MemoryArea a) {
        return a.path().orElse("[anon]");
    }

    String table() {
        return table(false);
    }

    /** The table; {@code extended} adds pmap -X's columns. */
    String table(boolean extended) {
        StringBuilder out = new StringBuilder();
        Totals total = total();
        out.append(String.format(Locale.ROOT, "Process %d (%s): %d regions, %s of address space, %s committed, %s resident%n",
                pid, command, total.regions, Sizes.human(total.size), Sizes.human(total.committed),
                Sizes.human(total.resident)));
        if (!notes.isEmpty()) {
            out.append("The demo process holds:\n");
            for (String note : notes) {
                String[] parts = note.split(" ", 4);
                out.append(String.format(Locale.ROOT, "  %-20s at %s, %9s: %s%n", parts[0], parts[1],
                        Sizes.human(Long.parseLong(parts[2])), parts[3]));
            }
        }
        out.append('\n');
        String row = "%-33s  %-12s %-4s  %-9s %10s %10s %10s %10s %10s  %s%s%n";
        String more = "%10s %6s %9s %10s %10s %10s  %-29s ";
        out.append(String.format(Locale.ROOT, row, "Address range", "Type", "Prot", "State", "Size", "Resident",
                "Priv dirty", "Shr dirty", "Swapped", extended ? String.format(Locale.ROOT, more, "Offset", "Device",
                        "Inode", "Pss", "Pss dirty", "Locked", "VmFlags") : "", "Name"));
        for (MemoryArea a : areas) {
            out.append(String.format(Locale.ROOT, row, String.format("%016x-%016x", a.start(), a.end()), a.type(),
                    protection(a), a.state(), Sizes.human(a.size()), Sizes.human(a.resident()),
                    Sizes.human(a.privateDirty()), Sizes.human(a.sharedDirty()), Sizes.human(a.swapped()),
                    extended ? String.format(Locale.ROOT, more, Long.toHexString(a.fileOffset()), a.device(), a.inode(),
                            Sizes.human(a.proportional()), Sizes.human(a.proportionalDirty()), Sizes.human(a.locked()),
                            String.join(" ", a.flags().stream().sorted().toList())) : "",
                    name(a) + label(a)));
        }
        out.append('\n');
        String sumRow = "%-13s %7s %10s %10s %10s %10s %10s %10s%n";
        out.append(String.format(Locale.ROOT, sumRow, "Type", "Regions", "Size", "Committed", "Resident", "Priv dirty",
                "Shr dirty", "Swapped"));
        totalsByType().forEach((type, t) -> out.append(totalsRow(sumRow, type.name(), t)));
        out.append(totalsRow(sumRow, "Total", total));
        return out.toString();
    }

    private static String totalsRow(String format, String name, Totals t) {
        return String.format(Locale.ROOT, format, name, t.regions, Sizes.human(t.size), Sizes.human(t.committed),
                Sizes.human(t.resident), Sizes.human(t.privateDirty), Sizes.human(t.sharedDirty), Sizes.human(t.swapped));
    }

    String json() {
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"pid\": ").append(pid).append(",\n  \"command\": ").append(Json.string(command))
                .append(",\n  \"regions\": [");
        for (int i = 0; i < areas.size(); i++) {
            MemoryArea a = areas.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"start\": ").append(Json.string(String.format("0x%x", a.start())))
                    .append(", \"end\": ").append(Json.string(String.format("0x%x", a.end())))
                    .append(", \"type\": ").append(Json.string(a.type().name()))
                    .append(", \"protection\": ").append(Json.string(protection(a)))
                    .append(", \"state\": ").append(Json.string(a.state().name()))
                    .append(", \"size\": ").append(a.size())
                    .append(", \"resident\": ").append(a.resident())
                    .append(", \"privateDirty\": ").append(a.privateDirty())
                    .append(", \"sharedDirty\": ").append(a.sharedDirty())
                    .append(", \"swapped\": ").append(a.swapped())
                    .append(", \"path\": ").append(a.path().map(Json::string).orElse("null"));
            String label = label(a);
            if (!label.isEmpty()) {
                out.append(", \"demo\": ").append(Json.string(label.substring(5)));
            }
            out.append(", \"name\": ").append(Json.string(name(a)))
                    .append(", \"offset\": ").append(a.fileOffset())
                    .append(", \"device\": ").append(Json.string(a.device()))
                    .append(", \"inode\": ").append(a.inode())
                    .append(", \"pss\": ").append(a.proportional())
                    .append(", \"pssDirty\": ").append(a.proportionalDirty())
                    .append(", \"privateClean\": ").append(a.privateClean())
                    .append(", \"sharedClean\": ").append(a.sharedClean())
                    .append(", \"locked\": ").append(a.locked())
                    .append(", \"flags\": [").append(String.join(", ", a.flags().stream().sorted().map(Json::string).toList()))
                    .append("]}");
        }
        out.append("\n  ],\n  \"totals\": {");
        boolean first = true;
        for (Map.Entry<RegionType, Totals> e : totalsByType().entrySet()) {
            out.append(first ? "\n" : ",\n").append("    ").append(Json.string(e.getKey().name())).append(": ")
                    .append(totalsJson(e.getValue()));
            first = false;
        }
        out.append(first ? "\n" : ",\n").append("    \"TOTAL\": ").append(totalsJson(total())).append("\n  }\n}\n");
        return out.toString();
    }

    private static String totalsJson(Totals t) {
        return String.format(Locale.ROOT, "{\"regions\": %d, \"size\": %d, \"committed\": %d, \"resident\": %d, "
                        + "\"privateDirty\": %d, \"sharedDirty\": %d, \"swapped\": %d}",
                t.regions, t.size, t.committed, t.resident, t.privateDirty, t.sharedDirty, t.swapped);
    }
}
