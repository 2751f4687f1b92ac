package io.mmf4j.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's code snippets that say which example they come from ({@code <!-- example: Name -->} on the line
 * before the fence): each line of such a snippet must stand in the example's source, in the same order, so the
 * README cannot show code that no longer compiles or runs. Blank lines and {@code ...} lines are skipped; white
 * space is folded, and a snippet's trailing comment may differ from the source's.
 */
final class ReadmeSnippets {
    record Snippet(String example, int line, List<String> code) {}

    private ReadmeSnippets() {}

    static List<Snippet> read(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String marker = lines.get(i).strip();
            if (marker.startsWith("<!-- example:") && marker.endsWith("-->") && lines.get(i + 1).startsWith("```java")) {
                String example = marker.substring("<!-- example:".length(), marker.length() - 3).strip();
                List<String> code = new ArrayList<>();
                int j = i + 2;
                for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                    code.add(lines.get(j));
                }
                snippets.add(new Snippet(example, i + 1, code));
                i = j;
            }
        }
        return snippets;
    }

    static void assertQuoted(Snippet snippet, String source) {
        List<String> sourceLines = source.lines().map(ReadmeSnippets::code).toList();
        int at = 0;
        for (String line : snippet.code()) {
            String wanted = code(line);
            if (wanted.isEmpty() || wanted.equals("...")) {
                continue;
            }
            int found = -1;
            for (int k = at; k < sourceLines.size(); k++) {
                if (sourceLines.get(k).equals(wanted)) {
                    found = k;
                    break;
                }
            }
            if (found < 0) {
                fail("README line " + snippet.line() + " (example " + snippet.example() + "): this line is not in the"
                        + " example's source after the lines before it:\n    " + line.strip());
            }
            at = found + 1;
        }
    }

    /** A line without its trailing {@code //} comment (one outside string literals), white space folded. */
    private static String code(String line) {
        boolean inString = false;
        int end = line.length();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && line.startsWith("//", i)) {
                end = i;
                break;
            }
        }
        return line.substring(0, end).strip().replaceAll("\\s+", " ");
    }
}
