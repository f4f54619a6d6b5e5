package io.cordee.api.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for background work that yield the processor to requests (ADR 92): each lowers its own scheduling
 * priority when it starts — on Linux to nice 19 ({@code renice} on its own thread id, which any thread may do
 * to itself without privileges), and to the idle scheduling policy ({@code chrt --idle}, ADR 96), so that the daily
 * alert pass's computations run on what the requests leave and a request's latency barely moves while it runs.
 * Nice 19 alone shares the processor by weight but lets a running background thread finish its slice before a
 * request that wakes up gets the core; a thread of the idle policy is preempted at once. Java's own thread
 * priorities are ignored by the JVM on Linux; where {@code /proc/thread-self}, {@code renice} or {@code chrt} is
 * missing the thread simply keeps what it could not change (said once in the log).
 */
final class BackgroundThreads implements ThreadFactory {

    /** The nice value of a background thread: the lowest priority there is. */
    static final int NICE = 19;

    /** {@code SCHED_IDLE}'s number, as {@code /proc/…/stat} gives a task's policy. */
    static final int IDLE_POLICY = 5;

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);

    private final String prefix;
    private final boolean idlePolicy;
    private final AtomicInteger count = new AtomicInteger();

    /** Threads named {@code prefix} and a number, at nice 19 and, when {@code idlePolicy}, the idle policy. */
    BackgroundThreads(String prefix, boolean idlePolicy) {
        this.prefix = prefix;
        this.idlePolicy = idlePolicy;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(() -> {
            lowerOwnPriority(idlePolicy);
            task.run();
        }, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }

    /**
     * Lowers the calling thread's priority to {@link #NICE} and, when {@code idlePolicy}, to the idle scheduling
     * policy; whether it could lower it at all.
     */
    static boolean lowerOwnPriority(boolean idlePolicy) {
        Path self = Path.of("/proc/thread-self");
        if (!Files.isSymbolicLink(self)) {
            log.info("Background threads keep the normal priority: no /proc/thread-self on this system");
            return false;
        }
        try {
            String threadId = Files.readSymbolicLink(self).getFileName().toString();
            boolean reniced = renice(threadId);
            if (idlePolicy && !idle(threadId)) {
                log.info("Background threads keep the normal scheduling policy: chrt --idle did not succeed");
            }
            if (!reniced) {
                log.info("Background threads keep the normal priority: renice did not succeed");
            }
            return reniced;
        } catch (IOException e) {
            log.info("Background threads keep the normal priority: renice or chrt could not run ({})", e.getMessage());
        }
        return false;
    }

    /**
     * Lowers the priority of process or thread {@code id} to {@link #NICE} with {@code renice}; whether it
     * succeeded. Lowering needs no privilege for a process of the same user (raising would).
     */
    static boolean renice(String id) throws IOException {
        return succeeds(new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", id));
    }

    /**
     * Moves process or thread {@code id} to the idle scheduling policy ({@code SCHED_IDLE}) with {@code chrt}; whether
     * it succeeded. A task of this policy runs only on what the others leave, and one that wakes up preempts it at
     * once; moving to it needs no privilege for a task of the same user.
     */
    static boolean idle(String id) throws IOException {
        return succeeds(new ProcessBuilder("chrt", "--idle", "-p", "0", id));
    }

    private static boolean succeeds(ProcessBuilder command) throws IOException {
        Process process = command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        return false;
    }

    /** The nice value of thread {@code threadId} of this process, from {@code /proc} (tests). */
    static int niceOf(String threadId) throws IOException {
        return niceIn(Files.readString(Path.of("/proc/self/task", threadId, "stat")));
    }

    /** The scheduling policy of thread {@code threadId} of this process, from {@code /proc} (tests). */
    static int policyOf(String threadId) throws IOException {
        return policyIn(Files.readString(Path.of("/proc/self/task", threadId, "stat")));
    }

    /** The scheduling policy in a {@code /proc/…/stat} line: 0 the normal one, {@value #IDLE_POLICY} idle. */
    static int policyIn(String stat) {
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[41 - 3]);
    }

    /** The nice value in a {@code /proc/…/stat} line. */
    static int niceIn(String stat) {
        // after the command's name, in parentheses, field 3 is the state; nice is field 19
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
