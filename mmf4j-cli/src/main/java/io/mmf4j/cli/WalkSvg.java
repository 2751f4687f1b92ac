package io.mmf4j.cli;

import io.mmf4j.vm.MemoryArea;
import io.mmf4j.vm.PageState;
import io.mmf4j.vm.RegionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mmf walk --svg}: the address space as a picture. One bar per region type (VMMap's colours); in each,
 * every region is a box whose width grows with the logarithm of its size (each doubling adds {@link #UNIT}
 * pixels, so a 4 KiB page and a 1 GiB heap both stay visible), in address order, wrapping onto more lines as
 * needed. The dark part of a box is the share of it that is resident; a hatched box is reserved address space
 * with no memory behind it. Hovering a box shows its address range, size and file. Each region is exactly one
 * {@code rect} of class {@code region}. Immutable; render once.
 */
final class WalkSvg {
    static final double UNIT = 6;
    private static final int WIDTH = 1400;
    private static final int LEFT = 230;
    private static final int RIGHT = 20;
    private static final int BOX = 18;
    private static final int LINE = 42; // a box, a gap, and room for two rows of demo labels under it
    private static final int MIN_BAND = 66; // room for the band's three lines of text
    private static final long PAGE = 4096;
    private static final Map<RegionType, String> COLOURS = Map.of(
            RegionType.IMAGE, "#8e6bbf", RegionType.MAPPED_FILE, "#3b82c4", RegionType.SHAREABLE, "#d9534f",
            RegionType.HEAP, "#f0a030", RegionType.STACK, "#4caf50", RegionType.PRIVATE_DATA, "#e6c229");

    private final WalkReport report;
    private final StringBuilder svg = new StringBuilder();
    /** Demo labels already drawn (each once), and where the last label on the current line ends. */
    private final java.util.Set<String> labelled = new java.util.HashSet<>();
    private double labelEnd;
    private double labelLine = -1;
    private double lowerLabelEnd;
    /** The largest regions of the band being drawn: their boxes carry their names. */
    private java.util.Set<MemoryArea> largest = java.util.Set.of();
    /** How many of a band's largest boxes are named. */
    private static final int NAMED = 3;
    private static final int AXIS = 64; // the height of the address axis strip

    WalkSvg(WalkReport report) {
        this.report = report;
    }

    static double width(long size) {
        return UNIT * (Math.log((double) Math.max(size, PAGE) / PAGE) / Math.log(2) + 1);
    }

    String render() {
        List<String> bands = new ArrayList<>();
        int y = 190;
        Map<RegionType, WalkReport.Totals> totals = report.totalsByType();
        StringBuilder body = new StringBuilder();
        for (RegionType type : RegionType.values()) {
            List<MemoryArea> regions = report.areas().stream().filter(a -> a.type() == type)
                    .sorted((a, b) -> Long.compareUnsigned(a.start(), b.start())).toList();
            y = band(body, type, regions, totals.getOrDefault(type, WalkReport.Totals.NONE), y);
            bands.add(type.name());
        }
        axis(body, y + 10);
        int height = y + 20 + AXIS;
        WalkReport.Totals total = report.total();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n",
                        WIDTH, height, WIDTH, height))
                .append("<defs>\n");
        for (RegionType type : RegionType.values()) {
            svg.append(String.format(Locale.ROOT, "  <pattern id=\"reserved-%s\" width=\"6\" height=\"6\" "
                    + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
                    + "fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"%s\" stroke-width=\"2.5\"/>"
                    + "</pattern>%n", type.name(), COLOURS.get(type)));
        }
        svg.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#fcfcfa\"/>\n");
        text(24, 36, 22, "bold", "#222", "Address space of process " + report.pid() + " (" + report.command() + ")");
        text(24, 62, 14, "normal", "#555", String.format(Locale.ROOT,
                "%d regions · %s of address space · %s committed · %s resident · %s private dirty",
                total.regions(), Sizes.human(total.size()), Sizes.human(total.committed()), Sizes.human(total.resident()),
                Sizes.human(total.privateDirty())));
        legend(100);
        scale(150);
        svg.append(body).append("</svg>\n");
        return svg.toString();
    }

    private void legend(int y) {
        double x = 24;
        for (RegionType type : RegionType.values()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"16\" height=\"16\" rx=\"3\" fill=\"%s\"/>%n",
                    x, y - 12, COLOURS.get(type)));
            text(x + 22, y + 1, 13, "normal", "#333", label(type));
            x += 40 + 8 * label(type).length();
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"28\" height=\"16\" fill=\"url(#reserved-PRIVATE_DATA)\" "
                + "stroke=\"#999\" stroke-width=\"0.5\"/>%n", x + 10, y - 12));
        text(x + 44, y + 1, 13, "normal", "#333", "hatched: reserved, no memory behind it");
        x += 330;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"28\" height=\"16\" fill=\"%s\" fill-opacity=\"0.3\"/>"
                + "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"16\" fill=\"%s\"/>%n", x, y - 12, COLOURS.get(RegionType.IMAGE),
                x, y - 12, COLOURS.get(RegionType.IMAGE)));
        text(x + 34, y + 1, 13, "normal", "#333", "dark part: resident in RAM");
    }

    /** Sample boxes so a reader can tell sizes apart on the log scale. */
    private void scale(int y) {
        text(24, y + 4, 13, "normal", "#555", "box width grows with log2(size):");
        double x = LEFT + 20;
        long[] sizes = {4L << 10, 64L << 10, 1L << 20, 16L << 20, 256L << 20, 4L << 30, 64L << 30};
        for (long size : sizes) {
            double w = width(size);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"#9aa3ad\"/>%n",
                    x, y - 8, w));
            text(x + w + 6, y + 3, 12, "normal", "#555", Sizes.human(size));
            x += w + 80;
        }
    }

    private int band(StringBuilder out, RegionType type, List<MemoryArea> regions, WalkReport.Totals t, int top) {
        String colour = COLOURS.get(type);
        int lineCount = Math.max(1, lines(regions));
        int height = Math.max(MIN_BAND, lineCount * LINE + 4);
        out.append(String.format(Locale.ROOT, "<g class=\"band\" data-type=\"%s\">%n", type.name()));
        out.append(String.format(Locale.ROOT, "<rect x=\"16\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" "
                + "fill-opacity=\"0.07\"/>%n", top, WIDTH - 32, height, colour));
        out.append(String.format(Locale.ROOT, "<rect x=\"16\" y=\"%d\" width=\"6\" height=\"%d\" rx=\"3\" fill=\"%s\"/>%n",
                top, height, colour));
        appendText(out, 32, top + 22, 15, "bold", "#222", label(type));
        appendText(out, 32, top + 40, 12, "normal", "#555", t.regions() + (t.regions() == 1 ? " region · " : " regions · ") + Sizes.human(t.size()));
        appendText(out, 32, top + 56, 12, "normal", "#555", Sizes.human(t.resident()) + " resident");
        if (regions.isEmpty()) {
            appendText(out, LEFT + 20, top + 24, 12, "italic", "#888", "none");
        }
        largest = regions.stream().sorted(java.util.Comparator.comparingLong(MemoryArea::size).reversed()).limit(NAMED)
                .collect(java.util.stream.Collectors.toSet());
        double x = LEFT;
        int line = 0;
        for (MemoryArea area : regions) {
            double w = width(area.size());
            if (x + w > WIDTH - RIGHT - 16 && x > LEFT) {
                line++;
                x = LEFT;
            }
            double y = top + 10 + line * LINE;
            region(out, area, colour, x, y, w);
            x += w + 2;
        }
        out.append("</g>\n");
        return top + height + 12;
    }

    private static int lines(List<MemoryArea> regions) {
        int lines = regions.isEmpty() ? 0 : 1;
        double x = LEFT;
        for (MemoryArea area : regions) {
            double w = width(area.size());
            if (x + w > WIDTH - RIGHT - 16 && x > LEFT) {
                lines++;
                x = LEFT;
            }
            x += w + 2;
        }
        return lines;
    }

    private void region(StringBuilder out, MemoryArea a, String colour, double x, double y, double w) {
        boolean reserved = a.state() == PageState.RESERVED;
        String demo = report.label(a);
        out.append("<g>");
        out.append(String.format(Locale.ROOT, "<title>%s</title>", xml(String.format(Locale.ROOT,
                "%016x-%016x %s %s %s, %s, %s resident%s", a.start(), a.end(), WalkReport.protection(a), a.type(),
                a.state(), Sizes.human(a.size()), Sizes.human(a.resident()), a.path().map(p -> "\n" + p).orElse("")))));
        out.append(String.format(Locale.ROOT, "<rect class=\"region\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
                + "rx=\"2\" fill=\"%s\" %s stroke=\"%s\" stroke-width=\"%s\"/>", x, y, w, BOX,
                reserved ? "url(#reserved-" + a.type().name() + ")" : colour, reserved ? "" : "fill-opacity=\"0.3\"",
                demo.isEmpty() ? colour : "#111", demo.isEmpty() ? "0.6" : "1.8"));
        if (a.resident() > 0 && !reserved) {
            double share = Math.min(1.0, (double) a.resident() / a.size());
            out.append(String.format(Locale.ROOT, "<rect class=\"resident\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%d\" rx=\"2\" fill=\"%s\"/>", x, y, Math.max(1, w * share), BOX, colour));
        }
        String name = !demo.isEmpty() && labelled.add(demo) ? "▲ " + demo.substring(5)
                : demo.isEmpty() && largest.contains(a) ? shortName(a) + " " + Sizes.human(a.size()) : "";
        if (!name.isEmpty()) {
            String text = name;
            if (labelLine != y) {
                labelLine = y;
                labelEnd = 0;
                lowerLabelEnd = 0;
            }
            boolean lower = x < labelEnd; // would overlap the label before it: drop to the second row
            boolean demoLabel = text.startsWith("▲");
            if (!lower || x >= lowerLabelEnd || demoLabel) { // a name that fits on neither row is left out
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%s\">%s</text>",
                        x, y + BOX + (lower ? 23 : 12), demoLabel ? "#111" : "#555", xml(text)));
                if (lower) {
                    lowerLabelEnd = x + 6.5 * text.length();
                } else {
                    labelEnd = x + 6.5 * text.length();
                }
            }
        }
        out.append("</g>\n");
    }

    /** A box's name: the file's last part, or the kernel's name, or "anon". */
    private static String shortName(MemoryArea a) {
        String path = a.path().orElse("anon");
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    /**
     * The address axis: every region at its true place on one line from the lowest address to the highest, with
     * hex addresses under it, so the picture also shows where things are (the bands above only show order).
     */
    private void axis(StringBuilder out, int top) {
        // user space only: the vsyscall page at 0xffffffffff600000 would squeeze everything else into a dot
        List<MemoryArea> areas = report.areas().stream().filter(a -> a.start() >= 0 && a.end() > 0).toList();
        out.append("<g class=\"axis\">\n");
        appendText(out, 32, top + 20, 15, "bold", "#222", "Address axis");
        appendText(out, 32, top + 38, 12, "normal", "#555", "every region at its address");
        if (areas.isEmpty()) {
            out.append("</g>\n");
            return;
        }
        long low = areas.stream().mapToLong(MemoryArea::start).reduce((a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b).getAsLong();
        long high = areas.stream().mapToLong(MemoryArea::end).reduce((a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b).getAsLong();
        double span = Math.max(1, unsigned(high - low));
        double width = WIDTH - RIGHT - 16 - LEFT;
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#eceff1\"/>%n",
                LEFT, top + 8, width, BOX));
        for (MemoryArea a : areas) {
            double x = LEFT + width * unsigned(a.start() - low) / span;
            double w = Math.max(1, width * unsigned(a.end() - a.start()) / span);
            out.append(String.format(Locale.ROOT, "<rect class=\"axis-region\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"%s\"/>%n", x, top + 8, w, BOX, COLOURS.get(a.type())));
        }
        int ticks = 6;
        for (int i = 0; i <= ticks; i++) {
            double x = LEFT + width * i / ticks;
            long address = low + (long) (span * i / ticks); // user space is below 2^47: exact enough in a double
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#777\"/>%n",
                    x, top + 8 + BOX, x, top + 14 + BOX));
            appendText(out, i == ticks ? x - 110 : x - (i == 0 ? 0 : 55), top + 28 + BOX, 11, "normal", "#555",
                    String.format("0x%012x", address));
        }
        out.append("</g>\n");
    }

    private static double unsigned(long value) {
        return value >= 0 ? value : value + 0x1p64;
    }

    private static String label(RegionType type) {
        String name = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private void text(double x, double y, int size, String weight, String colour, String text) {
        appendText(svg, x, y, size, weight, colour, text);
    }

    private static void appendText(StringBuilder out, double x, double y, int size, String weight, String colour, String text) {
        String style = weight.equals("italic") ? "font-style=\"italic\"" : "font-weight=\"" + weight + "\"";
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" %s fill=\"%s\">%s</text>%n",
                x, y, size, style, colour, xml(text)));
    }

    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? '?' : c);
            }
        }
        return out.toString();
    }
}
