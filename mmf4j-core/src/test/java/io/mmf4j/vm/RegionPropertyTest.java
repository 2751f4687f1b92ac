package io.mmf4j.vm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.VmProgramChild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/**
 * Random programs of reserve / allocate / commit / decommit / protect / segment / access / query / close over
 * three region slots, each run in a child JVM ({@link VmProgramChild}) that checks every step against a model of
 * page states and contents: each access either succeeds with the model's bytes or throws, and a fault that kills
 * the JVM fails the property instead of the test run. 20 programs of 400–800 steps: about 10,000 steps.
 */
class RegionPropertyTest {
    /** Steps, segments, successful accesses, accesses refused after invalidation, guards fired — over all tries. */
    private static final int[] TOTALS = new int[5];

    /** The programs must reach the interesting states, not just bounce off argument checks. */
    @AfterProperty
    void theProgramsExercisedEveryPath() {
        assertTrue(TOTALS[1] > 0 && TOTALS[2] > 0 && TOTALS[3] > 0 && TOTALS[4] > 0,
                "steps, segments, accesses, invalidated, guards: " + java.util.Arrays.toString(TOTALS));
        System.out.println("vm property totals (steps, segments, accesses, invalidated, guards): "
                + java.util.Arrays.toString(TOTALS));
    }

    @Property(tries = 20, shrinking = ShrinkingMode.BOUNDED)
    void everyStepMatchesTheModelAndTheJvmSurvives(@ForAll("programs") List<String> program) throws Exception {
        Path file = Files.createTempFile("vm-program", ".txt");
        try {
            Files.write(file, program);
            ChildJvm.Result result = ChildJvm.run(120, VmProgramChild.class, file.toString());
            assertTrue(result.exitCode() == 0 && result.stdout().startsWith("OK"),
                    "exit " + result.exitCode() + "\n" + result.stdout() + "\n" + result.stderr());
            String[] words = result.stdout().trim().split(" ");
            TOTALS[0] += Integer.parseInt(words[1]);
            for (int i = 1; i < 5; i++) {
                TOTALS[i] += Integer.parseInt(words[1 + 2 * i]);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<List<String>> programs() {
        return op().list().ofMinSize(400).ofMaxSize(800);
    }

    private static Arbitrary<String> op() {
        Arbitrary<Integer> slot = Arbitraries.integers().between(0, 2);
        // READ_WRITE and READ_ONLY most often, so that many segments are handed out; every protection now and then.
        Arbitrary<Integer> protection = Arbitraries.frequency(Tuple.of(6, Protection.READ_WRITE.ordinal()),
                Tuple.of(2, Protection.READ_ONLY.ordinal()), Tuple.of(1, Protection.NO_ACCESS.ordinal()),
                Tuple.of(1, Protection.EXECUTE.ordinal()), Tuple.of(1, Protection.EXECUTE_READ.ordinal()),
                Tuple.of(1, Protection.EXECUTE_READ_WRITE.ordinal()));
        Arbitrary<Integer> guard = Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(1, 1));
        Arbitrary<Integer> pages = Arbitraries.integers().between(1, 24);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Combinators.combine(slot, pages).as((s, n) -> "R " + s + " " + n)),
                Tuple.of(2, Combinators.combine(slot, pages, protection).as((s, n, p) -> "A " + s + " " + n + " " + p)),
                Tuple.of(8, Combinators.combine(slot, offset(), length(), protection, guard)
                        .as((s, o, l, p, g) -> "C " + s + " " + o + " " + l + " " + p + " " + g)),
                Tuple.of(4, Combinators.combine(slot, offset(), length(), protection, guard)
                        .as((s, o, l, p, g) -> "P " + s + " " + o + " " + l + " " + p + " " + g)),
                Tuple.of(4, Combinators.combine(slot, offset(), length()).as((s, o, l) -> "D " + s + " " + o + " " + l)),
                Tuple.of(8, Combinators.combine(slot, offset(), length()).as((s, o, l) -> "S " + s + " " + o + " " + l)),
                Tuple.of(8, Combinators.combine(slot, offset(), Arbitraries.longs().between(1, 6000),
                        Arbitraries.integers().between(0, 1))
                        .as((s, o, l, c) -> "S " + s + " " + o + " " + l + " " + c)),
                Tuple.of(10, Combinators.combine(Arbitraries.integers().between(0, 30),
                        Arbitraries.longs().between(0, 1 << 20), Arbitraries.integers().between(-128, 127))
                        .as((h, p, v) -> "G " + h + " " + p + " " + v)),
                Tuple.of(3, Combinators.combine(slot, offset()).as((s, o) -> "Q " + s + " " + o)),
                Tuple.of(1, slot.map(s -> "X " + s)));
    }

    /** Mostly page-aligned offsets inside a region, sometimes unaligned, negative or past the end. */
    private static Arbitrary<Long> offset() {
        Arbitrary<Long> aligned = Arbitraries.longs().between(0, 24).map(p -> p * 4096);
        Arbitrary<Long> unaligned = Arbitraries.longs().between(0, 24 * 4096);
        Arbitrary<Long> wild = Arbitraries.of(-1L, -4096L, 25L * 4096, Long.MAX_VALUE, Long.MIN_VALUE);
        return Arbitraries.frequencyOf(Tuple.of(12, aligned), Tuple.of(4, unaligned), Tuple.of(1, wild));
    }

    private static Arbitrary<Long> length() {
        Arbitrary<Long> pages = Arbitraries.longs().between(1, 8).map(p -> p * 4096);
        Arbitrary<Long> bytes = Arbitraries.longs().between(1, 3 * 4096);
        Arbitrary<Long> wild = Arbitraries.of(0L, -1L, Long.MAX_VALUE, 100L * 4096);
        return Arbitraries.frequencyOf(Tuple.of(12, pages), Tuple.of(4, bytes), Tuple.of(1, wild));
    }
}
