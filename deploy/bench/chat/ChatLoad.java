import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The chat load tool (issue 4, Performance): opens authenticated /live connections over loopback and
 * prints figures. Needs nothing beyond the JDK (java.net.http); run by deploy/bench/chat/run.sh, which
 * seeds the members and rooms this tool expects (seed.sql) and starts Keycloak and WildFly.
 *
 * <pre>
 *   java -Xmx2g deploy/bench/chat/ChatLoad.java --http http://127.0.0.1:9380 \
 *        --keycloak http://127.0.0.1:9480/realms/kinship --wildfly-pid PID [options]
 * </pre>
 *
 * Phases, in this order:
 * <ol>
 * <li><b>fan-out</b>: members 1..fanout join room 0; senders (one message a second each, so within the
 * server's per-member rate limit) post {@code rate} messages a second in total, paced to fixed intended
 * send times. Every body carries its intended send time, so each receiver measures end-to-end latency
 * from when the message should have been sent (no coordinated omission). Each receiver keeps the
 * sequence numbers it got: lost = acknowledged messages a receiver never got, duplicates = a sequence
 * number twice, out of order = a lower number after a higher one.</li>
 * <li><b>resume</b>: one member drops its connection, {@code resumeMessages} are posted to the room (at the
 * fan-out rate, while the others keep receiving), it reconnects with {@code resume} and the tool times
 * until {@code caught_up}, checking it got exactly the missed messages, in order.</li>
 * <li><b>idle</b>: the other members connect too (each joins a lobby room of 100), until {@code members}
 * connections are open; after a full GC of WildFly ({@code jcmd GC.run}) the tool prints its heap and RSS.</li>
 * </ol>
 */
public class ChatLoad {
    // ---- options ----
    static String http = "http://127.0.0.1:9380";
    static String keycloak = "http://127.0.0.1:9480/realms/kinship";
    static long wildflyPid;
    static String db = "kinship_bench_chat";
    static int members = 10_000;
    static int fanout = 1_000;
    static int[] rates = {100};
    static int warmup = 20;
    static int duration = 30;
    static int resumeMessages = 1_000;
    static int resumeRuns = 3;
    static int clients = 4;
    static String jfr = "";
    static String phases = "fanout,resume,idle";

    static final String PASSWORD = "bench";
    static final long START = System.nanoTime();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--http" -> http = v;
                case "--keycloak" -> keycloak = v;
                case "--wildfly-pid" -> wildflyPid = Long.parseLong(v);
                case "--db" -> db = v;
                case "--members" -> members = Integer.parseInt(v);
                case "--fanout" -> fanout = Integer.parseInt(v);
                case "--rates" -> rates = java.util.Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--duration" -> duration = Integer.parseInt(v);
                case "--resume-messages" -> resumeMessages = Integer.parseInt(v);
                case "--resume-runs" -> resumeRuns = Integer.parseInt(v);
                case "--clients" -> clients = Integer.parseInt(v);
                case "--jfr" -> jfr = v;
                case "--phases" -> phases = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        HTTP = new HttpClient[clients];
        for (int i = 0; i < clients; i++) {
            HTTP[i] = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        }
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> { e.printStackTrace(); });
        out("tool:      pid %d, %d HttpClients, max heap %d MiB, %s", ProcessHandle.current().pid(), clients,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"));
        heapLine("wildfly heap at the start (after a full GC, nothing connected)");

        int exit = 0;
        if (phases.contains("fanout") || phases.contains("resume")) {
            exit |= fanoutAndResume();
            if (MEMBERS.isEmpty() || MEMBERS.values().stream().allMatch(m -> m.ws == null)) {
                out("done:      no member could connect; stopping");
                System.exit(1);
            }
        }
        if (phases.contains("idle")) {
            exit |= idle();
        }
        if (!EXAMPLES.isEmpty()) {
            out("anomalies: %s", EXAMPLES);
        }
        out("frames:    error frames by code %s; connections closed by the server, by code %s", counts(ERRORS), counts(CLOSES));
        out("done:      %s", exit == 0 ? "all checks passed" : "SOME CHECKS FAILED (see above)");
        System.exit(exit);
    }

    // ======================================================================================
    // phase 1 and 2: fan-out, then resume
    // ======================================================================================

    static final Map<Integer, Member> MEMBERS = new ConcurrentHashMap<>();

    static int fanoutAndResume() throws Exception {
        String room = roomId(0);
        long t = System.nanoTime();
        List<String> tokens = tokens(1, fanout);
        out("tokens:    %d password grants on kinship-cli in %.1f s", fanout, secs(t));
        t = System.nanoTime();
        Connections conns = connect(1, fanout, tokens, n -> room);
        out("connect:   %d members connected (welcome) and joined room 0 in %.1f s; %d failed", conns.ok, secs(t), conns.failed);
        if (conns.failed > 0) {
            return 1;
        }
        sleep(2000); // presence frames of the last joins settle
        int exit = 0;

        // senders: members 1..S, one message a second each; the resume member (the last) never sends
        int maxRate = java.util.Arrays.stream(rates).max().orElse(100);
        int senders = Math.min(fanout - 1, maxRate);
        out("fan-out:   %d members in room 0; %d senders, one message a second each; bodies carry the intended send time",
                fanout, senders);
        Step warm = new Step(0, rates[0], "warm-up");
        if (!jfr.isEmpty()) {
            jcmd("JFR.start", "name=chat", "settings=profile", "filename=" + jfr);
        }
        pace(warm, rates[0], (long) rates[0] * warmup, senders);
        drain(warm, 10);
        for (int i = 0; i < rates.length; i++) {
            Step step = new Step(i + 1, rates[i], "measured");
            Cpu before = Cpu.now();
            String loadBefore = loadavg();
            String[] loadMid = {""};
            Thread sampler = new Thread(() -> { sleep(duration * 500L); loadMid[0] = loadavg(); });
            sampler.start();
            pace(step, rates[i], (long) rates[i] * duration, senders);
            Cpu during = Cpu.now();
            sampler.join();
            boolean drained = drain(step, 15);
            exit |= step.report(drained, before, during, loadBefore, loadMid[0]);
        }
        if (!jfr.isEmpty()) {
            jcmd("JFR.stop", "name=chat");
            out("profile:   flight recording of the warm-up and measured runs in %s", jfr);
        }

        if (phases.contains("resume")) {
            exit |= resume(room, senders, tokens.get(fanout - 1));
        }
        return exit;
    }

    /** One measured (or warm-up) run of the fan-out. */
    static final class Step {
        final int id;
        final int rate;
        final String what;
        final Histogram latency = new Histogram();
        /** The messages of this step that were acknowledged: their sequence numbers. */
        final BitSet acked = new BitSet();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final LongAdder deliveries = new LongAdder();
        final LongAdder inWindow = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder outOfOrder = new LongAdder();
        volatile long windowFrom = Long.MAX_VALUE;
        volatile long windowTo = Long.MAX_VALUE;
        long lastSendLate;

        Step(int id, int rate, String what) {
            this.id = id;
            this.rate = rate;
            this.what = what;
            STEPS.put(id, this);
        }

        synchronized void acked(long seq) {
            acked.set((int) seq);
        }

        synchronized int ackedCount() {
            return acked.cardinality();
        }

        int report(boolean drained, Cpu before, Cpu during, String loadBefore, String loadMid) {
            long expectedEach;
            BitSet ackedSeqs;
            synchronized (this) {
                ackedSeqs = (BitSet) acked.clone();
                expectedEach = ackedSeqs.cardinality();
            }
            long lost = 0;
            long dups = duplicates.sum();
            long disorder = outOfOrder.sum();
            int lossyClients = 0;
            int closed = 0;
            for (Member m : MEMBERS.values()) {
                if (m.resuming) {
                    continue;
                }
                synchronized (m) {
                    BitSet got = (BitSet) m.seen.clone();
                    got.and(ackedSeqs);
                    long missing = expectedEach - got.cardinality();
                    lost += missing;
                    if (missing > 0) {
                        lossyClients++;
                    }
                    if (m.closedWith != 0) {
                        closed++;
                    }
                }
            }
            int receivers = (int) MEMBERS.values().stream().filter(m -> !m.resuming).count();
            double window = (windowTo - windowFrom) / 1e9;
            double perSecond = inWindow.sum() / window;
            Cpu cpu = during.minus(before);
            out("RESULT fan-out %d msgs/s: sent %d, acked %d, refused %d; receivers %d; expected deliveries %d, received %d; "
                            + "deliveries/s %.0f (arrivals within the %.0f s sending window); latency ms p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f; "
                            + "lost %d (%d clients), duplicates %d, out of order %d, connections closed %d%s",
                    rate, sent.get(), expectedEach, refused.get(), receivers, expectedEach * receivers, deliveries.sum(), perSecond, window,
                    latency.percentile(50), latency.percentile(90), latency.percentile(99), latency.percentile(99.9), latency.max(),
                    lost, lossyClients, dups, disorder, closed, drained ? "" : " (NOT DRAINED within 15 s)");
            out("  cpu over %.1f s on %d cores (%.0f cpu-s): %s; per delivery: wildfly %.1f µs; load average %s before, %s mid-run",
                    cpu.seconds, Cpu.CORES, cpu.seconds * Cpu.CORES, cpu, cpu.wildfly * 1e6 / Math.max(1, expectedEach * receivers),
                    loadBefore, loadMid);
            boolean ok = lost == 0 && dups == 0 && disorder == 0 && refused.get() == 0 && closed == 0 && drained;
            out("  target (>= 100,000 deliveries/s at 100 msgs/s to 1,000 members, p99 <= 50 ms, no loss): %s",
                    rate * (long) receivers < 100_000 ? "not applicable to this rate" :
                    (perSecond >= 100_000 * 0.995 && latency.percentile(99) <= 50 && ok ? "MET" : "MISSED"));
            return ok ? 0 : 1;
        }
    }

    static final Map<Integer, Step> STEPS = new ConcurrentHashMap<>();

    /** Posts {@code total} messages, {@code rate} a second, each at its intended time, round-robin over the senders. */
    static void pace(Step step, int rate, long total, int senders) {
        long interval = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + 50_000_000L;
        step.windowFrom = t0;
        step.windowTo = t0 + total * interval;
        // rotate over the senders so each posts once per `senders / rate` seconds
        int useSenders = Math.min(senders, rate);
        for (long i = 0; i < total; i++) {
            long intended = t0 + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Member sender = MEMBERS.get(1 + (int) (i % useSenders));
            sender.post(step, intended);
        }
        step.lastSendLate = System.nanoTime() - (t0 + (total - 1) * interval);
    }

    /** Waits until every receiver has every acknowledged message of the step (or the timeout). */
    static boolean drain(Step step, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (step.ackedCount() + step.refused.get() >= step.sent.get()) {
                long expected = (long) step.ackedCount() * MEMBERS.values().stream().filter(m -> !m.resuming).count();
                if (step.deliveries.sum() >= expected) {
                    return true;
                }
            }
            sleep(100);
        }
        return false;
    }

    static int resume(String room, int senders, String token) throws Exception {
        Member leaver = MEMBERS.get(fanout);
        int exit = 0;
        List<Double> totals = new ArrayList<>();
        for (int run = 1; run <= resumeRuns; run++) {
            long lastSeq;
            synchronized (leaver) {
                lastSeq = leaver.lastSeq;
            }
            leaver.resuming = true;
            leaver.ws.abort(); // a lost network: no closing handshake
            sleep(500);
            Step step = new Step(100 + run, rates[0], "resume backlog");
            long t = System.nanoTime();
            pace(step, Math.min(rates[0], senders), resumeMessages, senders);
            double postSeconds = secs(t);
            boolean drained = drain(step, 15);
            int posted = step.ackedCount();
            sleep(500);

            Member again = new Member(fanout, token, room);
            again.resuming = true;
            again.recordResume = true;
            long t0 = System.nanoTime();
            again.open().get(30, TimeUnit.SECONDS);
            again.welcome.get(30, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            again.send("{\"type\":\"resume\",\"room\":\"" + room + "\",\"afterSeq\":" + lastSeq + ",\"ref\":\"r" + run + "\"}");
            again.caughtUp.get(60, TimeUnit.SECONDS);
            long t2 = System.nanoTime();
            List<Long> got;
            synchronized (again) {
                got = new ArrayList<>(again.resumed);
            }
            // exactly the missed ones, in order: lastSeq+1 .. the room's last seq at caught_up
            long caughtUpSeq = again.caughtUpSeq;
            boolean inOrder = true;
            for (int i = 0; i < got.size(); i++) {
                if (got.get(i) != lastSeq + 1 + i) {
                    inOrder = false;
                    break;
                }
            }
            // (when the member had lost messages before it left, it also gets those: still exactly what it missed)
            boolean exact = inOrder && got.size() == caughtUpSeq - lastSeq && got.size() >= posted;
            totals.add((t2 - t0) / 1e6);
            out("RESULT resume run %d: %d messages posted while away (in %.1f s%s); reconnect to welcome %.0f ms, resume to caught_up %.0f ms, "
                            + "total %.0f ms; got %d messages, seq %d..%d, caught_up at %d: %s",
                    run, posted, postSeconds, drained ? "" : ", not all delivered to the others", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    (t2 - t0) / 1e6, got.size(), got.isEmpty() ? 0 : got.get(0), got.isEmpty() ? 0 : got.get(got.size() - 1), caughtUpSeq,
                    exact ? "exactly the missed messages, in order, no duplicates" : "NOT EXACT (expected " + (lastSeq + 1) + ".." + caughtUpSeq + ")");
            if (!exact) {
                exit = 1;
            }
            // the new connection is the member from now on (it has every message up to caught_up)
            again.recordResume = false;
            again.resuming = false;
            leaver = again;
            MEMBERS.put(fanout, again);
            sleep(1000);
        }
        totals.sort(Double::compare);
        out("resume:    median of %d runs: %.0f ms from reconnecting to caught_up with %d missed messages", totals.size(),
                totals.get(totals.size() / 2), resumeMessages);
        return exit;
    }

    // ======================================================================================
    // phase 3: idle connections
    // ======================================================================================

    static int idle() throws Exception {
        int from = MEMBERS.size() + 1;
        if (from > members) {
            return 0;
        }
        long t = System.nanoTime();
        List<String> tokens = tokens(from, members);
        out("tokens:    %d password grants in %.1f s", tokens.size(), secs(t));
        t = System.nanoTime();
        Cpu before = Cpu.now();
        Connections conns = connect(from, members, tokens, n -> roomId(n <= fanout ? 0 : 1 + (n - fanout - 1) / 100));
        double took = secs(t);
        Cpu cpu = Cpu.now().minus(before);
        out("connect:   %d more members connected and joined a lobby room (100 a room) in %.1f s (%.0f/s); %d failed; cpu %s",
                conns.ok, took, conns.ok / took, conns.failed, cpu);
        sleep(10_000); // presence frames settle; the connections are idle from here on
        long open = MEMBERS.values().stream().filter(m -> m.closedWith == 0).count();
        // a sample of the connections still answer
        List<CompletableFuture<Void>> pongs = new ArrayList<>();
        List<Member> all = new ArrayList<>(MEMBERS.values());
        for (int i = 0; i < all.size(); i += Math.max(1, all.size() / 200)) {
            pongs.add(all.get(i).ping());
        }
        CompletableFuture.allOf(pongs.toArray(CompletableFuture[]::new)).handle((x, e) -> null)
                .completeOnTimeout(null, 20, TimeUnit.SECONDS).join();
        long answered = pongs.stream().filter(p -> p.isDone() && !p.isCompletedExceptionally()).count();
        out("idle:      %d connections open (of %d opened); %d of a sample of %d answered a ping", open, MEMBERS.size(), answered, pongs.size());
        String load = loadavg();
        long heapKb = heapLine("wildfly heap with " + open + " idle connections (after a full GC)");
        out("RESULT idle %d connections: wildfly heap used %.0f MiB after a full GC (target <= 1024 MiB with %d: %s), wildfly RSS %s MiB, tool RSS %s MiB; load average %s",
                open, heapKb / 1024.0, members, heapKb < 0 ? "NOT MEASURED" : heapKb > 1024 * 1024 ? "MISSED"
                        : open == members ? "MET" : "heap within it, but only " + open + " connections were open",
                rssMib(wildflyPid), rssMib(ProcessHandle.current().pid()), load);
        return open == members && answered == pongs.size() ? 0 : 1;
    }

    // ======================================================================================
    // members and their connections
    // ======================================================================================

    static HttpClient[] HTTP;

    /** One connection of one member, and what it received. */
    static final class Member {
        final int n;
        final String token;
        final String room;
        volatile Wire ws;
        final CompletableFuture<Void> welcome = new CompletableFuture<>();
        final CompletableFuture<Void> joined = new CompletableFuture<>();
        final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        volatile CompletableFuture<Void> pong;
        volatile boolean resuming;
        volatile boolean recordResume;
        volatile int closedWith;
        final List<Long> resumed = new ArrayList<>();
        long caughtUpSeq;
        // room 0 only; guarded by this
        final BitSet seen = new BitSet();
        long lastSeq;
        long duplicates;
        long outOfOrder;
        private final StringBuilder partial = new StringBuilder();
        private int clientSeq;

        Member(int n, String token, String room) {
            this.n = n;
            this.token = token;
            this.room = room;
        }

        CompletableFuture<Wire> open() {
            return Wire.open(this).thenApply(w -> ws = w);
        }

        /** Sends one frame (written before this returns; the future is for chaining). */
        CompletableFuture<Void> send(String frame) {
            try {
                ws.send(frame);
                return CompletableFuture.completedFuture(null);
            } catch (IOException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        void post(Step step, long intended) {
            String clientId;
            synchronized (this) {
                clientId = "b" + n + "-" + (++clientSeq) + "-" + START;
            }
            step.sent.incrementAndGet();
            PENDING.put(clientId, step);
            send("{\"type\":\"send\",\"ref\":\"" + clientId + "\",\"room\":\"" + room + "\",\"clientId\":\"" + clientId
                    + "\",\"body\":\"bench " + step.id + " " + intended + "\"}");
        }

        CompletableFuture<Void> ping() {
            pong = new CompletableFuture<>();
            if (ws == null) {
                pong.completeExceptionally(new IOException("not connected"));
            } else {
                send("{\"type\":\"ping\"}");
            }
            return pong;
        }

        void frame(String f) {
            long now = System.nanoTime();
            String type = stringField(f, "type");
            if (type == null) {
                return;
            }
            switch (type) {
                case "message" -> message(f, now);
                case "ack" -> {
                    Step step = PENDING.remove(stringField(f, "clientId"));
                    if (step != null) {
                        step.acked(longField(f, "seq"));
                    }
                }
                case "welcome" -> welcome.complete(null);
                case "joined" -> joined.complete(null);
                case "caught_up" -> {
                    synchronized (this) {
                        caughtUpSeq = longField(f, "seq");
                    }
                    caughtUp.complete(null);
                }
                case "pong" -> {
                    CompletableFuture<Void> p = pong;
                    if (p != null) {
                        p.complete(null);
                    }
                }
                case "error" -> {
                    ERRORS.computeIfAbsent(String.valueOf(stringField(f, "code")), k -> new LongAdder()).increment();
                    if (!joined.isDone()) {
                        joined.completeExceptionally(new IOException(f));
                    }
                    String ref = stringField(f, "ref");
                    Step step = ref == null ? null : PENDING.remove(ref);
                    if (step != null) {
                        step.refused.incrementAndGet();
                    }
                }
                default -> { }
            }
        }

        private void message(String f, long now) {
            long seq = longField(f, "seq");
            String body = stringField(f, "text");
            int step = -1;
            long intended = 0;
            if (body != null && body.startsWith("bench ")) {
                int sp = body.indexOf(' ', 6);
                step = Integer.parseInt(body.substring(6, sp));
                intended = Long.parseLong(body.substring(sp + 1).trim());
            }
            boolean dup = false;
            boolean disorder = false;
            synchronized (this) {
                if (recordResume) {
                    resumed.add(seq);
                }
                if (!room.equals(ROOM0)) {
                    return;
                }
                if (seen.get((int) seq)) {
                    duplicates++;
                    dup = true;
                    example("duplicate", seq);
                } else {
                    seen.set((int) seq);
                    if (seq < lastSeq) {
                        outOfOrder++;
                        disorder = true;
                        example("out of order", seq);
                    }
                }
                lastSeq = Math.max(lastSeq, seq);
            }
            if (step >= 0 && !resuming) {
                Step s = STEPS.get(step);
                if (s != null) {
                    if (dup) {
                        s.duplicates.increment();
                    }
                    if (disorder) {
                        s.outOfOrder.increment();
                    }
                    s.deliveries.increment();
                    if (now >= s.windowFrom && now <= s.windowTo) {
                        s.inWindow.increment();
                    }
                    s.latency.record(now - intended);
                }
            }
        }

        /** Remembers the first few of a kind of anomaly, with what this client had seen before it (for the report). */
        private void example(String what, long seq) {
            if (EXAMPLES.size() < 10) {
                EXAMPLES.add(String.format("%s: member %d got seq %d after seq %d", what, n, seq, lastSeq));
            }
        }

        void closed(int statusCode, String reason) {
            if (resuming) {
                return;
            }
            closedWith = statusCode;
            if (statusCode != 1000) {
                CLOSES.computeIfAbsent(statusCode + " " + reason, k -> new LongAdder()).increment();
            }
        }
    }

    static final Map<String, Step> PENDING = new ConcurrentHashMap<>();
    static final List<String> EXAMPLES = java.util.Collections.synchronizedList(new ArrayList<>());
    static final Map<String, LongAdder> ERRORS = new ConcurrentHashMap<>();
    static final Map<String, LongAdder> CLOSES = new ConcurrentHashMap<>();
    static final String ROOM0 = roomId(0);

    record Connections(int ok, int failed) {
    }

    /** Opens members from..to (welcome) and joins each to its room, at most 64 handshakes at a time. */
    static Connections connect(int from, int to, List<String> tokens, java.util.function.IntFunction<String> roomOf) throws Exception {
        Semaphore inFlight = new Semaphore(64);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            inFlight.acquire();
            Member m = new Member(n, tokens.get(n - from), roomOf.apply(n));
            MEMBERS.put(n, m);
            CompletableFuture<?> f = m.open()
                    .thenCompose(w -> m.welcome)
                    .thenCompose(x -> m.send("{\"type\":\"join\",\"room\":\"" + m.room + "\"}"))
                    .thenCompose(x -> m.joined)
                    .orTimeout(60, TimeUnit.SECONDS)
                    .whenComplete((x, e) -> {
                        inFlight.release();
                        if (e == null) {
                            ok.incrementAndGet();
                        } else {
                            if (failed.incrementAndGet() <= 5) {
                                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                                System.err.println("member " + m.n + " failed to connect: " + cause);
                            }
                        }
                    });
            all.add(f);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((x, e) -> null).get();
        return new Connections(ok.get(), failed.get());
    }

    /** Access tokens of members from..to by password grant on kinship-cli, 16 at a time. */
    static List<String> tokens(int from, int to) throws Exception {
        String[] tokens = new String[to - from + 1];
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<?>> all = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        for (int n = from; n <= to; n++) {
            inFlight.acquire();
            int i = n - from;
            String form = "grant_type=password&client_id=kinship-cli&username=" + URLEncoder.encode(username(n), StandardCharsets.UTF_8)
                    + "&password=" + PASSWORD;
            HttpRequest req = HttpRequest.newBuilder(URI.create(keycloak + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(60)).build();
            all.add(HTTP[n % HTTP.length].sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                inFlight.release();
                if (e == null && r.statusCode() == 200) {
                    tokens[i] = stringField(r.body(), "access_token");
                } else if (failed.incrementAndGet() <= 5) {
                    System.err.println("token of " + username(from + i) + ": " + (e != null ? e : r.statusCode() + " " + r.body()));
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((x, e) -> null).get();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " password grants failed");
        }
        return java.util.Arrays.asList(tokens);
    }

    static String username(int n) {
        return String.format("bench-%05d", n);
    }

    /** The room ids of seed.sql: md5('bench-chat-room:' || r)::uuid. */
    static String roomId(int r) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(("bench-chat-room:" + r).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-"
                    + hex.substring(20);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    // ======================================================================================
    // a minimal WebSocket client on NIO (RFC 6455: handshake, unmasked server frames, masked client frames)
    // ======================================================================================

    /**
     * One member's WebSocket. java.net.http.WebSocket costs about 17 µs of CPU per received frame here
     * (measured: 31 of 60 cpu-s at 63,000 deliveries/s), which on two shared cores would starve the server
     * it measures; this client reads with two selector threads and parses frames in place. The handshake
     * (with the bearer token) is a blocking HTTP/1.1 upgrade on a small pool.
     */
    static final class Wire {
        static final ExecutorService HANDSHAKES = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "handshake");
            t.setDaemon(true);
            return t;
        });
        static final Reactor[] REACTORS = {new Reactor(0), new Reactor(1)};

        final Member member;
        final java.nio.channels.SocketChannel ch;
        java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(4096);
        java.io.ByteArrayOutputStream fragments;
        volatile boolean closed;

        private Wire(Member member, java.nio.channels.SocketChannel ch) {
            this.member = member;
            this.ch = ch;
        }

        static CompletableFuture<Wire> open(Member member) {
            return CompletableFuture.supplyAsync(() -> {
                java.nio.channels.SocketChannel ch = null;
                try {
                    URI uri = URI.create(http);
                    ch = java.nio.channels.SocketChannel.open(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
                    ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                    byte[] key = new byte[16];
                    java.util.concurrent.ThreadLocalRandom.current().nextBytes(key);
                    String request = "GET /live HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                            + java.util.Base64.getEncoder().encodeToString(key) + "\r\nAuthorization: Bearer " + member.token + "\r\n\r\n";
                    writeFully(ch, java.nio.ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
                    Wire wire = new Wire(member, ch);
                    // read the response head; whatever follows it is already frames
                    java.nio.ByteBuffer buf = wire.in;
                    int end;
                    while ((end = headEnd(buf)) < 0) {
                        if (!buf.hasRemaining()) {
                            throw new IOException("response head too long");
                        }
                        if (ch.read(buf) < 0) {
                            throw new IOException("closed during the handshake");
                        }
                    }
                    String head = new String(buf.array(), 0, end, StandardCharsets.ISO_8859_1);
                    if (!head.startsWith("HTTP/1.1 101")) {
                        throw new IOException("handshake refused: " + head.lines().findFirst().orElse("")
                                + " " + new String(buf.array(), end, buf.position() - end, StandardCharsets.UTF_8));
                    }
                    buf.flip();
                    buf.position(end);
                    buf.compact();
                    ch.configureBlocking(false);
                    REACTORS[member.n % REACTORS.length].register(wire);
                    return wire;
                } catch (IOException e) {
                    if (ch != null) {
                        try {
                            ch.close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    }
                    throw new java.io.UncheckedIOException(e);
                }
            }, HANDSHAKES);
        }

        /** The index just past the blank line ending the response head, or -1. */
        static int headEnd(java.nio.ByteBuffer buf) {
            byte[] a = buf.array();
            for (int i = 3; i < buf.position(); i++) {
                if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                    return i + 1;
                }
            }
            return -1;
        }

        /** One text frame, masked as a client must; written before this returns. */
        synchronized void send(String text) throws IOException {
            sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
            int len = payload.length;
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(len + 14);
            b.put((byte) (0x80 | opcode));
            if (len < 126) {
                b.put((byte) (0x80 | len));
            } else if (len < 65536) {
                b.put((byte) (0x80 | 126)).putShort((short) len);
            } else {
                b.put((byte) (0x80 | 127)).putLong(len);
            }
            int mask = java.util.concurrent.ThreadLocalRandom.current().nextInt();
            b.putInt(mask);
            for (int i = 0; i < len; i++) {
                b.put((byte) (payload[i] ^ (mask >>> (8 * (3 - (i & 3))))));
            }
            b.flip();
            writeFully(ch, b);
        }

        static void writeFully(java.nio.channels.SocketChannel ch, java.nio.ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                if (ch.write(b) == 0) {
                    LockSupport.parkNanos(100_000); // the server is not reading; rare on loopback
                }
            }
        }

        /** Drops the connection without a closing handshake, as a lost network would. */
        void abort() {
            closed = true;
            try {
                ch.close();
            } catch (IOException e) {
                // closed anyway
            }
        }

        /** Called by the reactor when the socket is readable: reads and hands over every complete frame. */
        void readable() throws IOException {
            int n = ch.read(in);
            if (n < 0) {
                gone(1006, "connection closed");
                return;
            }
            process();
        }

        /** Hands over every complete frame in the buffer; keeps a partial one for the next read. */
        void process() throws IOException {
            in.flip();
            while (true) {
                int start = in.position();
                if (in.remaining() < 2) {
                    break;
                }
                int b0 = in.get(start) & 0xff;
                int b1 = in.get(start + 1) & 0xff;
                long len = b1 & 0x7f;
                int header = 2;
                if (len == 126) {
                    if (in.remaining() < 4) {
                        break;
                    }
                    len = in.getShort(start + 2) & 0xffff;
                    header = 4;
                } else if (len == 127) {
                    if (in.remaining() < 10) {
                        break;
                    }
                    len = in.getLong(start + 2);
                    header = 10;
                }
                if (in.remaining() < header + len) {
                    if (in.capacity() < header + len) {
                        java.nio.ByteBuffer bigger = java.nio.ByteBuffer.allocate((int) (header + len) * 2);
                        bigger.put(in);
                        bigger.flip();
                        in = bigger;
                    }
                    break;
                }
                int opcode = b0 & 0x0f;
                boolean fin = (b0 & 0x80) != 0;
                int off = start + header;
                int length = (int) len;
                in.position(off + length);
                if (opcode == 0x1 || opcode == 0x0) {
                    if (fin && fragments == null) {
                        member.frame(new String(in.array(), off, length, StandardCharsets.UTF_8));
                    } else {
                        if (fragments == null) {
                            fragments = new java.io.ByteArrayOutputStream();
                        }
                        fragments.write(in.array(), off, length);
                        if (fin) {
                            member.frame(fragments.toString(StandardCharsets.UTF_8));
                            fragments = null;
                        }
                    }
                } else if (opcode == 0x8) {
                    int code = length >= 2 ? in.getShort(off) & 0xffff : 1005;
                    String reason = length > 2 ? new String(in.array(), off + 2, length - 2, StandardCharsets.UTF_8) : "";
                    gone(code, reason);
                    return;
                } else if (opcode == 0x9) {
                    sendFrame(0xA, java.util.Arrays.copyOfRange(in.array(), off, off + length));
                }
            }
            in.compact();
        }

        void gone(int code, String reason) {
            boolean wasOpen = !closed;
            abort();
            if (wasOpen) {
                member.closed(code, reason);
            }
        }
    }

    /** A selector thread reading for its share of the connections. */
    static final class Reactor implements Runnable {
        final java.nio.channels.Selector selector;
        final java.util.concurrent.ConcurrentLinkedQueue<Wire> incoming = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Reactor(int i) {
            try {
                selector = java.nio.channels.Selector.open();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Thread t = new Thread(this, "reactor-" + i);
            t.setDaemon(true);
            t.start();
        }

        void register(Wire wire) {
            incoming.add(wire);
            selector.wakeup();
        }

        @Override
        public void run() {
            while (true) {
                try {
                    selector.select();
                    for (Wire w; (w = incoming.poll()) != null; ) {
                        try {
                            w.ch.register(selector, java.nio.channels.SelectionKey.OP_READ, w);
                            if (w.in.position() > 0) {
                                w.process(); // frames that came with the handshake response
                            }
                        } catch (IOException | RuntimeException e) {
                            w.gone(1006, String.valueOf(e));
                        }
                    }
                    var keys = selector.selectedKeys();
                    for (var key : keys) {
                        Wire w = (Wire) key.attachment();
                        try {
                            w.readable();
                        } catch (IOException | RuntimeException e) {
                            key.cancel();
                            w.gone(1006, String.valueOf(e));
                        }
                    }
                    keys.clear();
                } catch (IOException | RuntimeException e) {
                    e.printStackTrace();
                }
            }
        }
    }

    // ======================================================================================
    // measuring: latency histogram, CPU, heap
    // ======================================================================================

    /** Latencies in 10 µs buckets up to 10 s (and one overflow bucket); lock-free. */
    static final class Histogram {
        static final int BUCKETS = 1_000_000;
        final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
        final AtomicLong max = new AtomicLong();
        final LongAdder total = new LongAdder();

        void record(long nanos) {
            long b = Math.max(0, nanos / 10_000);
            counts.incrementAndGet((int) Math.min(BUCKETS, b));
            total.increment();
            max.accumulateAndGet(nanos, Math::max);
        }

        double percentile(double p) {
            long n = total.sum();
            if (n == 0) {
                return Double.NaN;
            }
            long rank = (long) Math.ceil(p / 100 * n);
            long seen = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                seen += counts.get(i);
                if (seen >= rank) {
                    return (i + 1) * 0.01; // the bucket's upper bound, ms
                }
            }
            return max() ;
        }

        double max() {
            return max.get() / 1e6;
        }
    }

    /** CPU ticks of WildFly, the PostgreSQL backends of the bench database, this tool and the whole machine. */
    static final class Cpu {
        static final int CORES = Runtime.getRuntime().availableProcessors();
        static final double TICK = 100.0; // USER_HZ on Linux
        final double seconds;
        final double wildfly;
        final double postgres;
        final double tool;
        final double busy;
        final Map<Long, Long> pgTicks;

        Cpu(double seconds, double wildfly, double postgres, double tool, double busy, Map<Long, Long> pgTicks) {
            this.seconds = seconds;
            this.wildfly = wildfly;
            this.postgres = postgres;
            this.tool = tool;
            this.busy = busy;
            this.pgTicks = pgTicks;
        }

        static Cpu now() {
            Map<Long, Long> pg = new HashMap<>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                    try {
                        String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                        if (cmd.startsWith("postgres: ") && cmd.contains(" " + db + " ")) {
                            pg.put(Long.parseLong(p.getFileName().toString()), ticks(Long.parseLong(p.getFileName().toString())));
                        }
                    } catch (IOException | RuntimeException e) {
                        // gone meanwhile
                    }
                });
            } catch (IOException e) {
                // no /proc: no accounting
            }
            double busy = 0;
            double all = 0;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < f.length && i <= 8; i++) {
                    long v = Long.parseLong(f[i]);
                    all += v;
                    if (i != 4 && i != 5) {
                        busy += v;
                    }
                }
            } catch (IOException e) {
                // no accounting
            }
            return new Cpu(all / TICK / CORES, ticks(wildflyPid) / TICK, pg.values().stream().mapToLong(Long::longValue).sum() / TICK,
                    ticks(ProcessHandle.current().pid()) / TICK, busy / TICK, pg);
        }

        Cpu minus(Cpu before) {
            long pgDelta = 0;
            for (var e : pgTicks.entrySet()) {
                pgDelta += e.getValue() - before.pgTicks.getOrDefault(e.getKey(), 0L);
            }
            return new Cpu(seconds - before.seconds, wildfly - before.wildfly, pgDelta / TICK, tool - before.tool,
                    busy - before.busy, Map.of());
        }

        static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        @Override
        public String toString() {
            double other = Math.max(0, busy - wildfly - postgres - tool);
            return String.format(Locale.ROOT, "wildfly %.1f, postgres %.1f, tool %.1f, other processes %.1f, idle %.1f cpu-s",
                    wildfly, postgres, tool, other, Math.max(0, seconds * CORES - busy));
        }
    }

    /** Runs a full GC in WildFly, prints and returns its heap used in KiB (-1 when jcmd fails). */
    static long heapLine(String what) {
        if (wildflyPid == 0) {
            return -1;
        }
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        var m = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
        if (!m.find()) {
            out("heap:      %s: could not read GC.heap_info: %s", what, info.trim());
            return -1;
        }
        long used = Long.parseLong(m.group(2));
        out("heap:      %s: used %.0f MiB of %.0f MiB committed; RSS %s MiB", what, used / 1024.0,
                Long.parseLong(m.group(1)) / 1024.0, rssMib(wildflyPid));
        return used;
    }

    static String jcmd(String... command) {
        List<String> cmd = new ArrayList<>(List.of("jcmd", String.valueOf(wildflyPid)));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            return text;
        } catch (IOException | InterruptedException e) {
            return "jcmd failed: " + e;
        }
    }

    static String rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return String.format(Locale.ROOT, "%.0f", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException e) {
            // gone
        }
        return "?";
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ======================================================================================
    // small helpers: JSON fields of the server's flat frames, output
    // ======================================================================================

    /** The string value of a top-level key in a flat JSON object as the server writes it (no escapes in the values used here). */
    static String stringField(String json, String key) {
        String k = "\"" + key + "\":";
        int i = json.indexOf(k);
        if (i < 0) {
            return null;
        }
        i += k.length();
        if (json.startsWith("null", i)) {
            return null;
        }
        int start = i + 1;
        int end = json.indexOf('"', start);
        return json.substring(start, end);
    }

    static long longField(String json, String key) {
        String k = "\"" + key + "\":";
        int i = json.indexOf(k) + k.length();
        long v = 0;
        while (i < json.length() && Character.isDigit(json.charAt(i))) {
            v = v * 10 + (json.charAt(i++) - '0');
        }
        return v;
    }

    static String counts(Map<String, LongAdder> m) {
        Map<String, Long> copy = new java.util.TreeMap<>();
        m.forEach((k, v) -> copy.put(k, v.sum()));
        return copy.toString();
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
