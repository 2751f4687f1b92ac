package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code mmf walk}: the regions of a real process, as a table, JSON and SVG; and the errors. */
class WalkIT {
    /** One region per line of the JSON; the fields the tests read. */
    private static final Pattern REGION = Pattern.compile("\\{\"start\": \"0x([0-9a-f]+)\", \"end\": \"0x([0-9a-f]+)\", "
            + "\"type\": \"(\\w+)\", \"protection\": \"([-rwxsp]{4})\", \"state\": \"(\\w+)\", \"size\": (\\d+), "
            + "\"resident\": (\\d+), \"privateDirty\": (\\d+), \"sharedDirty\": (\\d+), \"swapped\": (\\d+), "
            + "\"path\": (null|\"[^\"]*\")(?:, \"demo\": \"([-\\w]+)\")?, \"name\": [^{}]*\\}");

    record Area(long start, long end, String type, String protection, String state, long size, long resident,
                long privateDirty, String path, String demo) {}

    @TempDir
    Path dir;

    @Test
    void defaultWalkShowsTheDemoProcessWithEveryKindOfMapping() throws Exception {
        MmfProcess.Result result = MmfProcess.run("walk", "--json").exits(0);
        List<Area> areas = areas(result.out());
        Area file = demo(areas, "mapped-file");
        assertEquals("MAPPED_FILE", file.type());
        assertEquals(3L << 20, file.size(), "the demo's 3 MiB file");
        assertTrue(file.path().endsWith("mapped-file.dat"), file.path());
        assertTrue(file.resident() >= 1L << 20, "half of the file was read: " + file.resident());

        Area cow = demo(areas, "copy-on-write-view");
        assertEquals("rw-p", cow.protection(), "a copy-on-write view is a private writable mapping");
        assertTrue(cow.privateDirty() >= 256L << 10, "its written pages are private dirty: " + cow.privateDirty());

        Area named = demo(areas, "named-map");
        assertEquals("SHAREABLE", named.type(), "a named map is shareable memory");
        assertTrue(named.size() >= 512L << 10, "the 512 KiB named map: " + named.size());
        assertTrue(named.protection().endsWith("s"), "mapped shared: " + named.protection());

        Area committed = areas.stream().filter(a -> "reserved-region".equals(a.demo()) && a.state().equals("COMMITTED"))
                .findFirst().orElseThrow();
        assertEquals("COMMITTED", committed.state());
        assertEquals(2L << 20, committed.size(), "the committed first 2 MiB of the region");
        Area reserved = areas.stream().filter(a -> a.start() == committed.end()).findFirst().orElseThrow();
        assertEquals("RESERVED", reserved.state());
        assertEquals("reserved-region", reserved.demo());
        // the reserved rest may have merged with a reserved (PROT_NONE) neighbour above it, never with less
        assertTrue(reserved.size() >= 6L << 20, "the reserved, uncommitted rest of the 8 MiB region: " + reserved.size());
        assertEquals("---p", reserved.protection());
        assertTrue(result.out().contains("\"TOTAL\": {\"regions\": " + areas.size() + ","), "totals count every region");

        Area heap = areas.stream().filter(a -> "heap".equals(a.demo()) && a.state().equals("COMMITTED"))
                .findFirst().orElseThrow();
        assertTrue(heap.privateDirty() > 0, "the heap's blocks were written: " + heap.privateDirty());
    }

    @Test
    void walkOfAProcessThatMapsAKnownFileFindsItWithItsSize() throws Exception {
        Path known = dir.resolve("known.bin");
        Files.write(known, new byte[5 << 20]);
        Process subject = MmfProcess.start("walk-subject", "--file", known.toString());
        try {
            waitForReady(subject);
            MmfProcess.Result result = MmfProcess.run("walk", Long.toString(subject.pid()), "--type", "mapped_file",
                    "--json").exits(0);
            List<Area> areas = areas(result.out());
            assertFalse(areas.isEmpty());
            assertTrue(areas.stream().allMatch(a -> a.type().equals("MAPPED_FILE")), "--type keeps mapped files only");
            Area file = areas.stream().filter(a -> a.path().equals(known.toString())).findFirst()
                    .orElseThrow(() -> new AssertionError(known + " not in\n" + result.out()));
            assertEquals(5L << 20, file.size());

            MmfProcess.Result table = MmfProcess.run("walk", Long.toString(subject.pid()), "--sort", "size").exits(0);
            assertTrue(table.out().startsWith("Process " + subject.pid() + " ("), table.out());
            assertTrue(table.out().contains(known.toString()), table.out());
            assertTrue(table.out().lines().anyMatch(l -> l.startsWith("Total ")), table.out());
            List<Long> sizes = areas(MmfProcess.run("walk", Long.toString(subject.pid()), "--sort", "size", "--json")
                    .exits(0).out()).stream().map(Area::size).toList();
            for (int i = 1; i < sizes.size(); i++) {
                assertTrue(sizes.get(i - 1) >= sizes.get(i), "--sort size: largest first");
            }
        } finally {
            subject.getOutputStream().close();
            subject.waitFor();
        }
    }

    @Test
    void svgParsesAsXmlWithOneShapePerRegion() throws Exception {
        Path svg = dir.resolve("walk.svg");
        MmfProcess.Result result = MmfProcess.run("walk", "--json", "--svg", svg.toString()).exits(0);
        List<Area> areas = areas(result.out());
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getLocalName());
        NodeList rects = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        int regions = 0;
        Map<String, Integer> perColour = new TreeMap<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").equals("region")) {
                regions++;
                perColour.merge(rect.getAttribute("fill"), 1, Integer::sum);
                assertTrue(Double.parseDouble(rect.getAttribute("width")) > 0, "every region is visible");
            }
        }
        assertEquals(areas.size(), regions, "one rect of class region per region");
        assertTrue(perColour.size() >= 4, "regions are coloured by type: " + perColour);
    }

    @Test
    void walkRefusesAnotherUsersProcessAndAMissingOne() throws Exception {
        long mine = ProcessHandle.current().pid(); // root's process; the walker runs as nobody
        MmfProcess.runAsNobody("walk", Long.toString(mine)).failsWithOneLine(1, "permission denied: process " + mine);
        MmfProcess.run("walk", "2147483647").failsWithOneLine(1, "no such process: 2147483647");
        MmfProcess.run("walk", "12Q").failsWithOneLine(2, "12Q");
        MmfProcess.run("walk", "1", "--type", "nonsense").failsWithOneLine(2, "nonsense");
    }

    private static Area demo(List<Area> areas, String what) {
        return areas.stream().filter(a -> what.equals(a.demo())).findFirst()
                .orElseThrow(() -> new AssertionError("no region labelled " + what));
    }

    static List<Area> areas(String json) {
        List<Area> areas = new ArrayList<>();
        Matcher m = REGION.matcher(json);
        while (m.find()) {
            String path = m.group(11).equals("null") ? "" : m.group(11).substring(1, m.group(11).length() - 1);
            areas.add(new Area(Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16), m.group(3),
                    m.group(4), m.group(5), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)),
                    Long.parseLong(m.group(8)), path, m.group(12)));
        }
        assertEquals(json.lines().filter(l -> l.startsWith("    {\"start\"")).count(), areas.size(),
                "every region line parsed");
        return areas;
    }

    /** Reads the subject's stdout up to its "ready" line. */
    private static void waitForReady(Process subject) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(subject.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); !"ready".equals(line); line = lines.readLine()) {
            if (line == null) {
                throw new AssertionError("walk-subject ended before it was ready: exit " + subject.waitFor());
            }
        }
    }
}
