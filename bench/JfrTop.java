import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a window of a flight recording spent its processor and its allocations, by frame (docs/benchmarks.md, "One
 * daily evaluation made cheaper"):
 *
 * <pre>java bench/JfrTop.java [--allocations[=depth]] /tmp/eval.jfr [from-instant to-instant] [rows]</pre>
 *
 * Prints, for jdk.ExecutionSample (counted) and jdk.ObjectAllocationSample (weighted by the bytes each sample stands
 * for): the top frames, and the innermost io.cordee frame of each stack (which of our methods the cost is under).
 *
 * <p>With {@code --allocations} (docs/benchmarks.md, "Bytes per request"), where a request's bytes go when few of
 * them are under an io.cordee frame: every method weighted by the bytes allocated under it (each stack counts a method
 * once; Reactor's and Netty's plumbing left out, so the libraries' own work stands out), and the heaviest stacks, their
 * first {@code depth} frames (12 unless given) apart from the plumbing, one frame a line.
 */
public class JfrTop {

    public static void main(String[] arguments) throws Exception {
        int stackDepth = 0;
        List<String> positional = new ArrayList<>();
        for (String a : arguments) {
            if (a.startsWith("--allocations")) {
                stackDepth = a.contains("=") ? Integer.parseInt(a.substring(a.indexOf('=') + 1)) : 12;
            } else {
                positional.add(a);
            }
        }
        String[] args = positional.toArray(String[]::new);
        Map<String, Long> allocUnder = new HashMap<>();
        Map<String, Long> allocStacks = new HashMap<>();
        Instant from = args.length > 2 ? Instant.parse(args[1]) : Instant.MIN;
        Instant to = args.length > 2 ? Instant.parse(args[2]) : Instant.MAX;
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : args.length == 2 ? Integer.parseInt(args[1]) : 25;
        Map<String, Long> cpuTop = new HashMap<>();
        Map<String, Long> cpuOurs = new HashMap<>();
        Map<String, Long> allocTop = new HashMap<>();
        Map<String, Long> allocOurs = new HashMap<>();
        Map<String, Long> allocClass = new HashMap<>();
        Map<String, Long> cpuThread = new HashMap<>();
        Map<String, Long> allocThread = new HashMap<>();
        long[] totals = new long[2];
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            Instant at = e.getStartTime();
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                totals[0]++;
                add(cpuTop, cpuOurs, e.getStackTrace(), 1);
                cpuThread.merge(thread(e, "sampledThread"), 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = e.getLong("weight");
                totals[1] += weight;
                add(allocTop, allocOurs, e.getStackTrace(), weight);
                allocClass.merge(e.getClass("objectClass").getName(), weight, Long::sum);
                allocThread.merge(thread(e, "eventThread"), weight, Long::sum);
                if (stackDepth > 0 && e.getStackTrace() != null) {
                    under(allocUnder, allocStacks, e.getStackTrace(), weight, stackDepth);
                }
            }
        }
        print("CPU samples, top frame", cpuTop, totals[0], rows, "");
        print("CPU samples, innermost io.cordee frame", cpuOurs, totals[0], rows, "");
        print("CPU samples, by thread (numbers dropped)", cpuThread, totals[0], rows, "");
        print("allocated, top frame", allocTop, totals[1], rows, " MB");
        print("allocated, innermost io.cordee frame", allocOurs, totals[1], rows, " MB");
        print("allocated, by class", allocClass, totals[1], rows, " MB");
        print("allocated, by thread (numbers dropped)", allocThread, totals[1], rows, " MB");
        if (stackDepth > 0) {
            print("allocated, under each method (inclusive; plumbing left out)", allocUnder, totals[1], rows * 2, " MB");
            print("allocated, heaviest stacks (first " + stackDepth + " frames, plumbing left out)", allocStacks, totals[1],
                    rows, " MB");
        }
    }

    /** Reactor's operators and Netty's pipeline: on every stack, telling nothing of who asked for the bytes. */
    private static boolean plumbing(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.startsWith("reactor.core.publisher.") || type.startsWith("io.netty.channel.")
                || type.startsWith("io.netty.util.concurrent.") || type.startsWith("reactor.netty.channel.")
                || type.startsWith("java.lang.invoke.") || type.startsWith("jdk.internal.reflect.");
    }

    private static void under(Map<String, Long> under, Map<String, Long> stacks, RecordedStackTrace stack, long weight,
                              int depth) {
        Set<String> seen = new HashSet<>();
        StringBuilder first = new StringBuilder();
        int kept = 0;
        for (RecordedFrame f : stack.getFrames()) {
            if (plumbing(f)) {
                continue;
            }
            String method = f.getMethod().getType().getName() + "." + f.getMethod().getName();
            if (seen.add(method)) {
                under.merge(method, weight, Long::sum);
            }
            if (kept++ < depth) {
                first.append("\n           ").append(name(f));
            }
        }
        stacks.merge(first.toString(), weight, Long::sum);
    }

    private static String thread(RecordedEvent e, String field) {
        jdk.jfr.consumer.RecordedThread t = e.getThread(field);
        return t == null || t.getJavaName() == null ? "(none)" : t.getJavaName().replaceAll("[0-9]+", "#");
    }

    private static void add(Map<String, Long> top, Map<String, Long> ours, RecordedStackTrace stack, long weight) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        List<RecordedFrame> frames = stack.getFrames();
        top.merge(name(frames.get(0)), weight, Long::sum);
        String mine = "(no io.cordee frame)";
        for (RecordedFrame f : frames) {
            if (f.getMethod().getType().getName().startsWith("io.cordee.")) {
                mine = name(f);
                break;
            }
        }
        ours.merge(mine, weight, Long::sum);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    private static void print(String title, Map<String, Long> counts, long total, int rows, String unit) {
        System.out.printf("%n%s (total %s)%n", title, unit.isEmpty() ? total : String.format("%.1f MB", total / 1e6));
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .forEach(en -> System.out.printf("  %5.1f %%  %s%n", 100.0 * en.getValue() / Math.max(1, total),
                        en.getKey()));
    }
}
