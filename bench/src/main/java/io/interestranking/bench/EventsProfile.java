package io.interestranking.bench;

import io.interestranking.it.Rest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One clickstream of the events bench under Java Flight Recorder on the node: the setup of {@link EventsBench}
 * (items, {@value EventsBench#CLICKSTREAM_USERS} full profiles each rewritten once by the plugin), then a recording of
 * the chosen rounds only. Where the node's time goes is what {@code bench/jfr-summary.py} prints from the file.
 * Usage: EventsProfile <node url> <returning|new> <rounds> <node pid> <recording file> <jcmd command...>
 */
public final class EventsProfile {

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        boolean returning = switch (args[1]) {
            case "returning" -> true;
            case "new" -> false;
            default -> throw new IllegalArgumentException("mode must be returning or new, got " + args[1]);
        };
        int rounds = Integer.parseInt(args[2]);
        String pid = args[3];
        Path recording = Path.of(args[4]);
        List<String> jcmd = List.of(args).subList(5, args.length);
        Random random = new Random(42);
        EventsBench.indexItems(rest, random);
        EventsBench.clickstreamRun(rest, random, "warm", "w0"); // the plugin creates the profile index
        EventsBench.seedFullProfiles(rest, random, "crowd", EventsBench.CLICKSTREAM_USERS);
        EventsBench.clickstreamRun(rest, random, "crowd", "w1"); // every seeded profile rewritten once by the plugin
        jcmd(jcmd, pid, "JFR.start name=events settings=profile filename=" + recording);
        for (int r = 0; r < rounds; r++) {
            double seconds = (returning
                            ? EventsBench.clickstreamRun(rest, random, "crowd", "c" + r)
                            : EventsBench.clickstreamRun(rest, random, "new" + r, "n" + r))
                    .seconds();
            System.out.printf(
                    Locale.ROOT,
                    "round %d: %.0f events/s (%s users)%n",
                    r + 1,
                    EventsBench.CLICKSTREAM_USERS / seconds,
                    args[1]);
        }
        jcmd(jcmd, pid, "JFR.stop name=events");
    }

    private static void jcmd(List<String> command, String pid, String what) throws Exception {
        List<String> call = new ArrayList<>(command);
        call.add(pid);
        call.addAll(List.of(what.split(" ")));
        if (new ProcessBuilder(call).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("failed: " + call);
        }
    }
}
