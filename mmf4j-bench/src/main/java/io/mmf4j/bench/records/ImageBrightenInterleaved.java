package io.mmf4j.bench.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link ImageBrightenBench}'s contestants interleaved pass by pass in one JVM, for a machine too loaded for
 * separate JMH runs to compare: after warm-up passes, each round runs one pass of every contestant (the order
 * rotating), so a change of load hits all of them alike; prints the median ns per record of each and the median
 * of the per-round ratios to the hand-written loop.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 *     io.mmf4j.bench.records.ImageBrightenInterleaved [records [rounds [warmupPasses [contestant,...]]]]
 * </pre>
 */
public final class ImageBrightenInterleaved {
    private ImageBrightenInterleaved() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        ImageBrightenBench bench = new ImageBrightenBench();
        bench.records = records;
        bench.setUp();
        try {
            String[] all = {"handWritten", "byClass", "byLayout", "codecBefore", "byLayoutArrays"};
            Runnable[] allPasses = {bench::handWritten, bench::byClass, bench::byLayout, bench::codecBefore, bench::byLayoutArrays};
            List<String> chosen = args.length > 3 ? List.of(args[3].split(",")) : List.of(all);
            List<String> nameList = new ArrayList<>();
            List<Runnable> passList = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || chosen.contains(all[i])) { // the hand-written loop is always the reference
                    nameList.add(all[i]);
                    passList.add(allPasses[i]);
                }
            }
            String[] names = nameList.toArray(String[]::new);
            Runnable[] passes = passList.toArray(Runnable[]::new);
            for (int w = 0; w < warmups; w++) {
                for (Runnable pass : passes) {
                    pass.run();
                }
            }
            List<List<Double>> times = new ArrayList<>();
            for (int i = 0; i < passes.length; i++) {
                times.add(new ArrayList<>());
            }
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < passes.length; k++) {
                    int i = (k + round) % passes.length;
                    long start = System.nanoTime();
                    passes[i].run();
                    times.get(i).add((System.nanoTime() - start) / (double) records);
                }
            }
            System.out.printf("%,d records, %d rounds after %d warm-up passes (ns per record: median [min - max];"
                    + " ratio: median of the per-round ratios to handWritten [min - max])%n", records, rounds, warmups);
            for (int i = 0; i < passes.length; i++) {
                double[] t = sorted(times.get(i));
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = times.get(i).get(r) / times.get(0).get(r);
                }
                Arrays.sort(ratio);
                System.out.printf("  %-15s %8.2f [%.2f - %.2f]   ratio %6.2f [%.2f - %.2f]%n", names[i], t[t.length / 2],
                        t[0], t[t.length - 1], ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
            }
        } finally {
            bench.tearDown();
        }
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
