package io.mmf4j.testing.child;

import io.mmf4j.vm.VirtualMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a program of virtual-memory operations (one per line, from the file named by the first argument) against
 * {@link VmModel}. Prints {@code OK <steps> segments <n> accessed <n> invalidated <n> guards <n>}, or {@code FAIL step <n> [<op>]: <what>} and exits 1. A fault would
 * kill this JVM, which the parent sees as a failed run.
 */
public final class VmProgramChild {
    private VmProgramChild() {}

    public static void main(String[] args) throws Exception {
        List<String> program = Files.readAllLines(Path.of(args[0]));
        VmModel model = new VmModel(VirtualMemory.pageSize());
        int step = 0;
        for (String op : program) {
            step++;
            try {
                model.apply(op.split(" "));
            } catch (Throwable t) {
                System.out.println("FAIL step " + step + " [" + op + "]: " + t);
                t.printStackTrace(System.out);
                System.exit(1);
            }
        }
        model.closeAll();
        System.out.println("OK " + step + " segments " + model.counts[0] + " accessed " + model.counts[1]
                + " invalidated " + model.counts[2] + " guards " + model.counts[3]);
    }
}
