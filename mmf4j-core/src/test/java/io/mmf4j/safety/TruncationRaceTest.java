package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.FaultJvm;
import io.mmf4j.testing.child.TruncationRaceChild;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every read-modify-write atomic of a view racing a thread that truncates the file and grows it back, in a child
 * JVM run interpreted (where the JVM's native CAS runs, the widest window), with the default JIT and with
 * everything compiled: each atomic succeeds or throws {@code InternalError}, the child ends normally, and some
 * atomics did meet a vanished page (else the race was not run). Memory bound of the child: 256 MiB.
 */
class TruncationRaceTest {
    private static final Pattern RESULT = Pattern.compile("ops (\\d+) faults (\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"-Xint", "-Xshare:auto", "-Xcomp"})
    void atomicsRacingTruncationNeverAbortTheJvm(String mode, @TempDir Path dir) throws Exception {
        String ops = mode.equals("-Xint") ? "30000" : "300000";
        FaultJvm.Outcome outcome = FaultJvm.run(dir, 120, 256L << 20, List.of(mode), TruncationRaceChild.class,
                dir.resolve("racing.bin").toString(), ops, "2");
        outcome.assertEndedNormally();
        Matcher result = RESULT.matcher(outcome.stdout());
        assertTrue(result.find(), outcome.stdout());
        assertTrue(Long.parseLong(result.group(2)) > 0, "no atomic met a vanished page: " + outcome.stdout());
    }
}
