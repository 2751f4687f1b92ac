package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.SharedNamespace;
import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.NamedMapChild;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the named-map test classes share: a fresh namespace on /dev/shm for each test ({@link #dir},
 * {@link #ns}), the child processes a test started ({@link #track}), and, after each test, every such child
 * killed and the namespace's directory tree deleted.
 *
 * {@snippet :
 * class SomeNamedMapTest extends NamespaceTestBase {
 *     @Test
 *     void t() throws Exception {
 *         Process child = track(new ProcessBuilder(ChildJvm.command(NamedMapChild.class, "open", dir.toString(), "m")).start());
 *     }
 * }
 * }
 *
 * <p>One instance per test (JUnit's default lifecycle); not thread-safe.
 */
abstract class NamespaceTestBase {
    protected Path dir;
    protected SharedNamespace ns;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    final void createNamespace() throws IOException {
        dir = TestNamespaces.fresh();
        ns = SharedNamespace.at(dir);
    }

    @AfterEach
    final void killChildrenAndDeleteNamespace() throws IOException {
        children.forEach(Process::destroyForcibly);
        TestNamespaces.delete(dir);
    }

    /** Kills {@code child} after the test if it still runs; returns it. */
    protected final Process track(Process child) {
        children.add(child);
        return child;
    }

    /** Starts a {@link NamedMapChild} with {@code args}, its stderr to {@code stderr}; killed after the test. */
    protected final Process startChild(Path stderr, String... args) throws IOException {
        return track(ChildJvm.start(stderr, NamedMapChild.class, args));
    }

    /** {@code command} as the user nobody (group nogroup, no supplementary groups), by setpriv. */
    protected static List<String> asNobody(List<String> command) {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        full.addAll(command);
        return full;
    }

    /**
     * Runs a {@link NamedMapChild} with {@code args} as nobody (stderr into stdout) and returns its output,
     * stripped, once it has exited (within 30 s, asserted).
     */
    protected final String runChildAsNobody(String... args) throws Exception {
        Process child = track(new ProcessBuilder(asNobody(ChildJvm.command(NamedMapChild.class, args)))
                .redirectErrorStream(true).start());
        String out = new String(child.getInputStream().readAllBytes()).strip();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
