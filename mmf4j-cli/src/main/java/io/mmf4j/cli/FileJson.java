package io.mmf4j.cli;

import java.util.List;
import java.util.Locale;

/** The JSON of the page-cache commands: one object per file, then the totals. Stateless. */
final class FileJson {
    private FileJson() {}

    /** A file whose residency is known: its range, its pages, how many are resident, and the resident runs. */
    static String residency(CachedFile file, boolean[] residency, int count) {
        StringBuilder runs = new StringBuilder("[");
        for (int page = 0; page < residency.length; page++) {
            if (residency[page]) {
                int first = page;
                while (page + 1 < residency.length && residency[page + 1]) {
                    page++;
                }
                runs.append(runs.length() > 1 ? ", " : "").append('[').append(first).append(", ").append(page + 1).append(']');
            }
        }
        return head(file) + String.format(Locale.ROOT, ", \"pages\": %d, \"resident\": %d, \"residentRuns\": %s}",
                residency.length, count, runs.append(']'));
    }

    /** A file the kernel does not tell this process about. */
    static String unknown(CachedFile file) {
        return head(file) + ", \"pages\": null, \"resident\": null, \"residencyUnknown\": true}";
    }

    /** A file after load, evict or lock: pages resident before and after. */
    static String action(CachedFile file, String action, long nanos, int before, int after, int pages) {
        return head(file) + String.format(Locale.ROOT,
                ", \"action\": %s, \"nanos\": %d, \"pages\": %d, \"residentBefore\": %d, \"residentAfter\": %d}",
                Json.string(action), nanos, pages, before, after);
    }

    static String document(List<String> files, long resident, long pages) {
        return "{\"files\": [\n" + String.join(",\n", files.stream().map(f -> "  " + f).toList())
                + (files.isEmpty() ? "" : "\n") + String.format(Locale.ROOT, "], \"resident\": %d, \"pages\": %d}%n",
                resident, pages);
    }

    private static String head(CachedFile file) {
        return String.format(Locale.ROOT, "{\"path\": %s, \"size\": %d, \"from\": %d, \"to\": %d",
                Json.string(file.path().toString()), file.fileSize(), file.start(), file.end());
    }
}
