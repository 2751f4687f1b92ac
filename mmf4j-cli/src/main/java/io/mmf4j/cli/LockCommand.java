package io.mmf4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmf lock PATH...}: locks files in memory (mlock through views, VirtualLock's model) and holds them — as
 * {@code vmtouch -l}: until Ctrl-C or SIGTERM, or {@code --seconds} pass; with {@code --daemon}, as {@code vmtouch
 * -L}, in a background process whose PID it prints, so the shell gets its prompt back. Locked pages cannot be
 * paged out; the kernel unlocks them when the holding process ends, however it ends.
 */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Locks files in memory (mlock) and holds them there, as vmtouch -l.",
                "Holds until Ctrl-C, SIGTERM or --seconds; --daemon holds in a background process (vmtouch -L).",
                "Locking needs CAP_IPC_LOCK or room under 'ulimit -l'."})
final class LockCommand implements Callable<Integer> {
    /** The line a holding process prints once everything is locked; a daemon's parent waits for it. */
    static final String LOCKED = "locked ";

    @Spec
    CommandSpec spec;

    @Mixin
    FileSelection selection;

    @Option(names = "--daemon", description = "Hold the pages in a background process and return at once (vmtouch -L).")
    boolean daemon;

    @Option(names = "--seconds", paramLabel = "N", description = "Hold for N seconds, then let go (default: until a signal).")
    Long seconds;

    @Override
    public Integer call() throws Exception {
        return daemon ? startDaemon() : holdHere();
    }

    private int holdHere() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<CachedFile> held = new ArrayList<>();
        long bytes = 0;
        int failed = 0;
        try {
            for (Path file : selection.files()) {
                CachedFile cached = CachedFile.open(file, selection.range);
                try (Progress progress = new Progress("lock " + file.getFileName(), cached.size(), System.err)) {
                    cached.lock(progress);
                    held.add(cached);
                    bytes += cached.size();
                } catch (Exception e) {
                    failed++;
                    cached.close();
                    spec.commandLine().getErr().println(spec.qualifiedName() + ": " + Failures.describe(e));
                }
            }
            out.printf(Locale.ROOT, "%s%s of %s in memory (pid %d); holding them %s%n", LOCKED, Sizes.human(bytes),
                    Sizes.count(held.size(), "file"), ProcessHandle.current().pid(),
                    seconds == null ? "until Ctrl-C or SIGTERM" : "for " + Sizes.count(seconds, "second"));
            out.flush();
            if (held.isEmpty()) {
                return Failures.FAILED;
            }
            if (seconds == null) {
                new java.util.concurrent.CountDownLatch(1).await(); // a signal ends the JVM, and the kernel unlocks
            } else {
                TimeUnit.SECONDS.sleep(seconds);
            }
            return failed == 0 ? 0 : Failures.FAILED;
        } finally {
            for (CachedFile file : held) {
                file.close();
            }
        }
    }

    /** Runs this command again without {@code --daemon} in a process that outlives this one, and reports its PID. */
    private int startDaemon() throws Exception {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        args.removeIf(arg -> arg.equals("--daemon"));
        args.removeFirst(); // "lock", the subcommand: MmfChild.command adds it back
        List<String> command = new ArrayList<>();
        if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // a session of its own: the terminal's hang-up does not end it
        }
        command.addAll(MmfChild.command("lock"));
        command.addAll(args);
        Process holder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null || !line.startsWith(LOCKED) || !holder.isAlive()) {
            holder.destroyForcibly();
            throw new CliException("the background holder could not lock the files (run without --daemon to see why)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(line.replace("holding them", "a background process holds them"));
        out.println("stop it with: kill " + holder.pid());
        out.flush();
        return 0;
    }
}
