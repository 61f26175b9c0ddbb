import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.kinship.federation.signature.Headers;
import org.kinship.federation.signature.HttpMessage;
import org.kinship.federation.signature.KeyMaterial;
import org.kinship.federation.signature.Signer;

/**
 * The federation load tool (issue 7, Performance): plays a network of fake ActivityPub servers on loopback
 * addresses and drives Kinship's inboxes over HTTP, signing with Kinship's own {@link Signer} (draft-cavage
 * rsa-sha256 with Digest, as every peer does). Run by deploy/bench/federation/run.sh, which starts servers A
 * and B and seeds what this tool expects (seed-a.sql, seed-b.sql); needs the kinship-federation jar on the
 * class path and nothing else beyond the JDK.
 *
 * <pre>
 *   java -cp federation/target/kinship-federation-*.jar:classes FedLoad --a http://localhost:9580 ... [options]
 * </pre>
 *
 * <p><b>The fake network.</b> Host h (1..hosts) is the loopback address 127.0.1.h (all of 127.0.0.0/8 is
 * loopback on Linux), one JDK HttpServer bound to each, port {@code --peer-port}; the delivery phase's
 * sender is 127.0.3.1. Each host serves its actors' documents (Person, key, {@code endpoints.sharedInbox}
 * = http://127.0.1.h:port/inbox) and answers 202 to every POST, noting when each note id arrived. The actors
 * share a pool of RSA keys (making 1,100 keys would take minutes; Kinship keeps one row per actor anyway).
 *
 * <p><b>Phases</b>, in this order, each one printing RESULT lines:
 * <ol>
 * <li><b>inbox</b>: replies ({@code Create(Note)}) from one actor on each host into the shared threads of
 * community "inbox", posted to the shared inbox /ap/inbox. All are signed before the clock starts (signing
 * costs about as much as verifying them). First contact (Kinship fetches each actor and its key), a warm-up,
 * then the measured batch at a fixed concurrency: accepted/s, latency, errors by status and code; then the
 * database must hold a receipt and a post for every accepted activity, and nothing else.</li>
 * <li><b>delivery</b>: ten follower actors on each host follow community "deliver" with real Follow
 * activities (each Accept must arrive); then one remote reply from a host that follows nothing: Kinship
 * stores it and its Group announces it to its followers, one delivery per host to the shared inbox. Timed
 * from the POST until every host has it. Then the same with one host dead (connection refused) and with one
 * host that accepts connections but never answers.</li>
 * <li><b>e2e</b>: replies posted to A's shared threads at a fixed rate; A announces each to its follower, B's
 * community, whose copy of the thread shows it. The lag is B's stored time of the copy minus A's stored time
 * of the original, both read from PostgreSQL afterwards (one machine, one clock).</li>
 * </ol>
 */
public class FedLoad {
    // ---- options ----
    static String aUrl = "http://localhost:9580";
    static String aConnect = "127.0.0.1:9580";
    static String bUrl = "http://127.0.0.1:9600";
    static String dbA = "kinship_bench_fed_a";
    static String dbB = "kinship_bench_fed_b";
    static long pidA;
    static long pidB;
    static int hosts = 100;
    static int peerPort = 9590;
    static String phases = "inbox,delivery,e2e";
    static int inboxActivities = 20_000;
    static int inboxWarmup = 5_000;
    static int inboxThreads = 200;
    static int inboxConcurrency = 8;
    static int followersPerHost = 10;
    static int deliveryWarmupRounds = 2;
    static int deliveryRounds = 5;
    static int e2eRate = 50;
    static int e2eWarmup = 60;
    static int e2eDuration = 60;
    static int e2eThreads = 10;
    static int e2eConcurrency = 16;
    static int keyPool = 16;
    static String jfrDir = "";

    static final String AS_PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    static final String SENDER_HOST = "127.0.3.1";

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--a" -> aUrl = v;
                case "--a-connect" -> aConnect = v;
                case "--b" -> bUrl = v;
                case "--db-a" -> dbA = v;
                case "--db-b" -> dbB = v;
                case "--pid-a" -> pidA = Long.parseLong(v);
                case "--pid-b" -> pidB = Long.parseLong(v);
                case "--hosts" -> hosts = Integer.parseInt(v);
                case "--peer-port" -> peerPort = Integer.parseInt(v);
                case "--phases" -> phases = v;
                case "--inbox-activities" -> inboxActivities = Integer.parseInt(v);
                case "--inbox-warmup" -> inboxWarmup = Integer.parseInt(v);
                case "--inbox-threads" -> inboxThreads = Integer.parseInt(v);
                case "--inbox-concurrency" -> inboxConcurrency = Integer.parseInt(v);
                case "--followers-per-host" -> followersPerHost = Integer.parseInt(v);
                case "--delivery-warmup-rounds" -> deliveryWarmupRounds = Integer.parseInt(v);
                case "--delivery-rounds" -> deliveryRounds = Integer.parseInt(v);
                case "--e2e-rate" -> e2eRate = Integer.parseInt(v);
                case "--e2e-warmup" -> e2eWarmup = Integer.parseInt(v);
                case "--e2e-duration" -> e2eDuration = Integer.parseInt(v);
                case "--e2e-threads" -> e2eThreads = Integer.parseInt(v);
                case "--e2e-concurrency" -> e2eConcurrency = Integer.parseInt(v);
                case "--key-pool" -> keyPool = Integer.parseInt(v);
                case "--jfr-dir" -> jfrDir = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (hosts < 2 || hosts > 250) {
            throw new IllegalArgumentException("--hosts must be 2..250 (127.0.1.1 .. 127.0.1.250)");
        }
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> e.printStackTrace());
        out("tool:      pid %d, max heap %d MiB, %s; fake servers 127.0.1.1-%d:%d (one HttpServer each), sender %s:%d",
                ProcessHandle.current().pid(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"),
                hosts, peerPort, SENDER_HOST, peerPort);
        long t = System.nanoTime();
        KEYS = IntStream.range(0, keyPool).parallel().mapToObj(i -> newKeyPair()).toArray(KeyPair[]::new);
        out("keys:      %d RSA-2048 key pairs for the fake actors in %.1f s", keyPool, secs(t));
        for (int h = 1; h <= hosts; h++) {
            NET.start(host(h));
        }
        NET.start(SENDER_HOST);

        int exit = 0;
        if (phases.contains("inbox")) {
            exit |= inbox();
        }
        if (phases.contains("delivery")) {
            exit |= delivery();
        }
        if (phases.contains("e2e")) {
            exit |= endToEnd();
        }
        if (phases.contains("delivery")) {
            // Last: a host that failed rests in the server's eyes for a while, and the e2e phase's actor on it
            // would find its key refused meanwhile.
            exit |= deadHost();
        }
        out("peers:     %s", NET.summary());
        out("done:      %s", exit == 0 ? "all checks passed" : "SOME CHECKS FAILED (see above)");
        System.exit(exit);
    }

    static String host(int h) {
        return "127.0.1." + h;
    }

    static String base(String host) {
        return "http://" + host + ":" + peerPort;
    }

    static String actor(String host, String name) {
        return base(host) + "/users/" + name;
    }

    static String groupOf(String url, String slug) {
        return url + "/ap/communities/" + slug;
    }

    /** A's threads as seed-a.sql makes them: md5('fed-bench-thread:<slug>:<n>'). */
    static String threadIri(String slug, int n) {
        return aUrl + "/ap/threads/" + md5Uuid("fed-bench-thread:" + slug + ":" + n);
    }

    // ======================================================================================
    // phase 1: the inbox
    // ======================================================================================

    static int inbox() throws Exception {
        String group = groupOf(aUrl, "inbox");
        out("inbox:     community inbox (federation open, no followers), %d shared threads; one actor on each of %d hosts; "
                + "Create(Note) replies posted to %s/ap/inbox", inboxThreads, hosts, aUrl);
        // first contact: one activity from each actor, so that Kinship fetches every actor and key once
        IntFunction<Signed> make = i -> {
            int h = 1 + i % hosts;
            int thread = 1 + i % inboxThreads;
            String tag = i < hosts ? "i1" : i < hosts + inboxWarmup ? "iw" : "im";
            return reply(host(h), "u", tag + "-" + i, threadIri("inbox", thread), group, i);
        };
        int total = hosts + inboxWarmup + inboxActivities;
        long t = System.nanoTime();
        Signed[] all = signAll(total, make);
        out("signing:   %d activities signed in %.1f s (%.0f/s on %d threads), before any clock starts; Date valid for an hour",
                total, secs(t), total / secs(t), Runtime.getRuntime().availableProcessors());

        Run first = drive("first contact", slice(all, 0, hosts), inboxConcurrency);
        first.report("RESULT inbox first contact (each actor and key fetched from its host)");
        if (!jfrDir.isEmpty()) {
            jcmd(pidA, "JFR.start", "name=inbox", "settings=profile", "filename=" + jfrDir + "/inbox.jfr");
        }
        Run warm = drive("warm-up", slice(all, hosts, hosts + inboxWarmup), inboxConcurrency);
        warm.report("inbox warm-up");
        drained("inbox warm-up", System.nanoTime());
        analyze(dbA);
        Cpu before = Cpu.now();
        String load = loadavg();
        Run run = drive("measured", slice(all, hosts + inboxWarmup, total), inboxConcurrency);
        long answered = System.nanoTime();
        Cpu cpu = Cpu.now().minus(before);
        run.report("RESULT inbox measured");
        double rate = run.accepted.get() / run.seconds;
        out("  cpu over %.1f s on %d cores (%.0f cpu-s): %s; per accepted activity: wildfly %.0f µs, postgres %.0f µs, tool %.0f µs; "
                        + "load average %s before", cpu.seconds, Cpu.CORES, cpu.seconds * Cpu.CORES, cpu,
                cpu.wildflyA * 1e6 / Math.max(1, run.accepted.get()), cpu.postgres * 1e6 / Math.max(1, run.accepted.get()),
                cpu.tool * 1e6 / Math.max(1, run.accepted.get()), load);
        // Kinship answers once an activity is verified and stored, and applies it (the reply in its thread) behind
        // the answer: how long the backlog took, and what the whole cost.
        double drain = drained("inbox measured", answered);
        Cpu all2 = Cpu.now().minus(before);
        if (!jfrDir.isEmpty()) {
            jcmd(pidA, "JFR.stop", "name=inbox");
            out("profile:   flight recording of A over the inbox warm-up, measured run and its backlog in %s/inbox.jfr", jfrDir);
        }
        out("RESULT inbox applied: all %d replies in their threads %.1f s after the first request (%.1f s after the last answer): "
                        + "%.0f applied/s end to end; cpu per activity over answering and applying: wildfly %.0f µs, postgres %.0f µs",
                run.accepted.get(), run.seconds + drain, drain, run.accepted.get() / (run.seconds + drain),
                all2.wildflyA * 1e6 / Math.max(1, run.accepted.get()), all2.postgres * 1e6 / Math.max(1, run.accepted.get()));

        // every accepted activity is stored, and nothing else: by id, from the database
        int first0 = hosts + inboxWarmup;
        Set<String> acceptedNotes = new HashSet<>();
        for (int i = 0; i < run.n; i++) {
            if (run.ok(i)) {
                acceptedNotes.add("im-" + (first0 + i));
            }
        }
        Set<String> receipts = idsAfter(psql(dbA, "select activity_iri from inbox_receipt where activity_iri like '%/creates/im-%'"), "/creates/");
        Set<String> posts = idsAfter(psql(dbA, "select o.iri from federated_object o join forum_post p on p.id = o.local_id "
                + "join community c on c.id = o.community_id where c.slug = 'inbox' and o.kind = 'POST' and o.iri like '%/notes/im-%'"), "/notes/");
        long missingReceipts = acceptedNotes.stream().filter(id -> !receipts.contains(id)).count();
        long missingPosts = acceptedNotes.stream().filter(id -> !posts.contains(id)).count();
        long extraPosts = posts.stream().filter(id -> !acceptedNotes.contains(id)).count();
        boolean stored = missingReceipts == 0 && missingPosts == 0 && extraPosts == 0;
        out("RESULT inbox stored: %d accepted; in the database %d receipts and %d posts of the measured batch; missing receipts %d, "
                        + "missing posts %d, posts not acknowledged %d: %s", acceptedNotes.size(), receipts.size(), posts.size(),
                missingReceipts, missingPosts, extraPosts, stored ? "every accepted activity was stored" : "NOT ALL STORED");
        out("  target (>= 1,000 signed activities/s verified, parsed and stored): %s (%.0f/s)",
                rate >= 1000 && stored && run.errors() == 0 ? "MET" : "MISSED", rate);
        return stored && run.errors() == 0 && first.errors() == 0 ? 0 : 1;
    }

    /** Waits until A has applied everything it accepted (no pending rows); returns the seconds since {@code since}. */
    static double drained(String what, long since) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        long pending = -1;
        while (System.nanoTime() < deadline) {
            String n = psql(dbA, "select count(*) from inbox_pending where failed_at is null").trim();
            pending = n.isEmpty() ? -1 : Long.parseLong(n);
            if (pending == 0) {
                break;
            }
            Thread.sleep(100);
        }
        double s = (System.nanoTime() - since) / 1e9;
        String failed = psql(dbA, "select count(*) from inbox_pending where failed_at is not null").trim();
        out("%s: backlog applied %.1f s after the last answer (%s pending left, %s given up)", what, s, pending, failed);
        return s;
    }

    static Signed[] slice(Signed[] all, int from, int to) {
        return java.util.Arrays.copyOfRange(all, from, to);
    }

    /** A reply from {@code name}@host to a thread of ours, with its Note embedded, as Lemmy or Mastodon send one. */
    static Signed reply(String host, String name, String id, String inReplyTo, String group, int i) {
        String actor = actor(host, name);
        String note = base(host) + "/notes/" + id;
        String body = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + base(host) + "/creates/" + id + "\","
                + "\"type\":\"Create\",\"actor\":\"" + actor + "\",\"audience\":\"" + group + "\","
                + "\"to\":[\"" + AS_PUBLIC + "\"],\"cc\":[\"" + group + "\"],"
                + "\"object\":{\"id\":\"" + note + "\",\"type\":\"Note\",\"attributedTo\":\"" + actor + "\","
                + "\"inReplyTo\":\"" + inReplyTo + "\",\"audience\":\"" + group + "\",\"published\":\"" + java.time.Instant.now() + "\","
                + "\"to\":[\"" + AS_PUBLIC + "\"],\"cc\":[\"" + group + "\"],\"content\":\"" + content(i) + "\"}}";
        return sign(host, name, "/ap/inbox", body);
    }

    static final String[] SENTENCES = {
            "Small win today: I went for a walk before breakfast.",
            "Thank you for asking, this thread helps me more than I can say.",
            "I cooked a proper dinner for the first time in weeks, just soup and bread.",
            "Sleep was better this week, six hours most nights.",
            "I answered two emails I had been avoiding since spring.",
            "My sister called and we talked for an hour about nothing in particular.",
            "The library was quiet and warm, and I read for a whole afternoon.",
            "I finally fixed the bike, so tomorrow I can ride along the river.",
            "Went to the café meetup and stayed for the whole hour.",
            "Wrote three good moments in the notebook, like someone suggested here."};

    static String content(int i) {
        return "<p>" + SENTENCES[i % 10] + " " + SENTENCES[(i / 10 + 3) % 10] + "</p><p>" + SENTENCES[(i / 100 + 7) % 10] + "</p>";
    }

    // ======================================================================================
    // phase 2: delivery to 1,000 followers on 100 hosts
    // ======================================================================================

    static int delivery() throws Exception {
        String group = groupOf(aUrl, "deliver");
        int followers = hosts * followersPerHost;
        int exit = 0;
        out("delivery:  %d follower actors (%d on each of %d hosts, each host one shared inbox) follow community deliver "
                + "with real Follow activities through its inbox", followers, followersPerHost, hosts);
        long t = System.nanoTime();
        Signed[] follows = signAll(followers, i -> {
            String host = host(1 + i % hosts);
            String name = "f" + (1 + i / hosts);
            String body = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + base(host) + "/follows/" + name + "\","
                    + "\"type\":\"Follow\",\"actor\":\"" + actor(host, name) + "\",\"object\":\"" + group + "\"}";
            return sign(host, name, "/ap/communities/deliver/inbox", body);
        });
        out("signing:   %d Follows in %.1f s", followers, secs(t));
        long start = System.nanoTime();
        Run run = drive("follows", follows, inboxConcurrency);
        run.report("RESULT follows (each follower fetched from its host, stored, answered with an Accept)");
        boolean allAccepts = waitFor(() -> NET.acceptedActors.size() >= followers, 120);
        out("RESULT accepts: %d of %d followers received their Accept, the last %.1f s after the first Follow was posted%s",
                NET.acceptedActors.size(), followers, (NET.lastAccept.get() - start) / 1e9, allAccepts ? "" : " (NOT ALL within 120 s)");
        String stored = psql(dbA, "select count(*) from federation_follow f join community c on c.id = f.community_id "
                + "where c.slug = 'deliver' and f.direction = 'INBOUND' and f.state = 'ACCEPTED'").trim();
        out("  followers of deliver in A's database: %s", stored);
        analyze(dbA);
        if (!allAccepts || !stored.equals(String.valueOf(followers)) || run.errors() > 0) {
            exit = 1;
        }
        waitFor(() -> pendingDeliveries() == 0, 60, 500);

        // one remote reply that the group announces to every follower's host
        String thread = threadIri("deliver", 1);
        List<Double> lasts = new ArrayList<>();
        for (int r = 1; r <= deliveryWarmupRounds + deliveryRounds; r++) {
            boolean warm = r <= deliveryWarmupRounds;
            Round round = deliveryRound("d" + r, thread, group, Set.of(), 60);
            exit |= round.report(warm ? "delivery warm-up " + r : "RESULT delivery round " + (r - deliveryWarmupRounds), "");
            if (!warm) {
                lasts.add(round.lastMs);
            }
        }
        lasts.sort(Double::compare);
        double median = lasts.isEmpty() ? Double.NaN : lasts.get(lasts.size() / 2);
        double worst = lasts.isEmpty() ? Double.NaN : lasts.get(lasts.size() - 1);
        out("RESULT delivery: one activity to %d followers on %d hosts (%d shared inboxes): every host had it after %.0f ms "
                        + "(median of %d rounds; slowest round %.0f ms)", followers, hosts, hosts, median, lasts.size(), worst);
        out("  target (one activity to 1,000 remote inboxes on 100 hosts in <= 5 s): %s",
                followers >= 1000 && hosts >= 100 ? (worst <= 5000 ? "MET" : "MISSED") : "not applicable to this size");

        return exit;
    }

    /** One host dead, connection refused, then accepting connections but never answering: the others' times. */
    static int deadHost() throws Exception {
        String group = groupOf(aUrl, "deliver");
        String thread = threadIri("deliver", 1);
        String dead = host(hosts);
        int exit = 0;
        for (String how : List.of("refused", "silent")) {
            if (how.equals("refused")) {
                NET.kill(dead);
            } else {
                NET.silence(dead);
            }
            Round round = deliveryRound("x" + how, thread, group, Set.of(dead), 60);
            String state = psql(dbA, "select d.state || ', ' || d.attempts || ' attempt(s), next ' || coalesce(to_char(d.next_attempt_at - now(), 'MI:SS'), '-')"
                    + " || ', last error: ' || coalesce(d.last_error, '(none yet: in flight)') from outbox_delivery d join outbox_activity a on a.id = d.activity_id"
                    + " where d.host = '" + dead + "' and a.body like '%/notes/x" + how + "%'").trim();
            exit |= round.report("RESULT delivery with " + dead + " " + (how.equals("refused") ? "refusing connections" : "accepting but never answering"),
                    "; the dead host's delivery: " + (state.isEmpty() ? "?" : state));
            long late = round.ms().stream().filter(ms -> ms > 5000).count();
            if (late > 0) {
                out("  CHECK FAILED: %d live host(s) got it more than 5 s after the POST: they waited for the dead one", late);
                exit = 1;
            } else if (how.equals("silent")) {
                out("  (the silent host's request times out after the client's 30 s; the other hosts did not wait for it)");
            }
            NET.restore(dead);
        }
        // what an operator sees: /api/federation/deliveries needs a platform admin's token (Keycloak), so the same
        // grouping (Outbox.status(): per host and state) is read from the table
        out("operator:  /api/federation/deliveries needs a platform admin (Keycloak, not started here); the same figures from outbox_delivery:");
        for (String line : psql(dbA, "select host || ': ' || string_agg(state || ' ' || n, ', ' order by state) from "
                + "(select host, state, count(*) n from outbox_delivery group by host, state) x group by host "
                + "having bool_or(state <> 'DELIVERED') or host in ('" + host(1) + "', '" + dead + "') order by host").split("\n")) {
            if (!line.isBlank()) {
                out("  %s", line);
            }
        }
        return exit;
    }

    /** Posts one reply by the sender and waits until every host but {@code skip} has its Announce. */
    static Round deliveryRound(String id, String thread, String group, Set<String> skip, int timeoutSeconds) throws Exception {
        Signed s = reply(SENDER_HOST, "s", id, thread, group, id.hashCode() & 0xffff);
        String note = base(SENDER_HOST) + "/notes/" + id;
        Conn conn = new Conn();
        long t0 = System.nanoTime();
        Response r = conn.send(s.request);
        long answered = System.nanoTime();
        conn.close();
        Set<String> expected = new HashSet<>();
        for (int h = 1; h <= hosts; h++) {
            if (!skip.contains(host(h))) {
                expected.add(host(h));
            }
        }
        Map<String, Long> got = NET.arrivals.computeIfAbsent(note, k -> new ConcurrentHashMap<>());
        boolean all = r.status == 202 && waitFor(() -> got.keySet().containsAll(expected), timeoutSeconds);
        List<Double> ms = new ArrayList<>();
        for (String h : expected) {
            Long at = got.get(h);
            if (at != null) {
                ms.add((at - t0) / 1e6);
            }
        }
        ms.sort(Double::compare);
        String server = psql(dbA, "select count(*) || ' deliveries, ' || count(*) filter (where d.state = 'DELIVERED') || ' delivered; "
                + "stored to last delivered ' || coalesce(round(extract(epoch from max(d.delivered_at) - min(d.created_at)) * 1000)::text, '?') || ' ms' "
                + "from outbox_delivery d join outbox_activity a on a.id = d.activity_id where a.body like '%/notes/" + id + "\"%'").trim();
        sleep(1000);
        return new Round(r, (answered - t0) / 1e6, ms, expected.size(), all, server);
    }

    record Round(Response response, double inboxMs, List<Double> ms, int expected, boolean all, String server, double lastMs) {
        Round(Response response, double inboxMs, List<Double> ms, int expected, boolean all, String server) {
            this(response, inboxMs, ms, expected, all, server, ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1));
        }

        int report(String label, String more) {
            out("%s: inbox answered %d in %.0f ms; %d of %d hosts got the Announce: first %.0f, median %.0f, last %.0f ms after the POST%s; "
                            + "A's outbox: %s%s", label, response.status, inboxMs, ms.size(), expected,
                    ms.isEmpty() ? Double.NaN : ms.get(0), ms.isEmpty() ? Double.NaN : ms.get(ms.size() / 2), lastMs,
                    all ? "" : " (NOT ALL)", server, more);
            return all ? 0 : 1;
        }
    }

    static long pendingDeliveries() {
        try {
            return Long.parseLong(psql(dbA, "select count(*) from outbox_delivery where state = 'PENDING'").trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    // ======================================================================================
    // phase 3: end to end, A to B
    // ======================================================================================

    static int endToEnd() throws Exception {
        String group = groupOf(aUrl, "origin");
        int warmN = e2eRate * e2eWarmup;
        int measuredN = e2eRate * e2eDuration;
        int total = hosts + warmN + measuredN;
        out("e2e:       replies into A's %d shared threads of community origin, %d/s (%d s warm-up, %d s measured), from one actor "
                + "on each of %d hosts; A announces each to B's community copy (seeded follow), which shows it in its copy of the thread",
                e2eThreads, e2eRate, e2eWarmup, e2eDuration, hosts);
        long t = System.nanoTime();
        Signed[] all = signAll(total, i -> {
            String tag = i < hosts ? "e1" : i < hosts + warmN ? "ew" : "em";
            return reply(host(1 + i % hosts), "e", tag + "-" + i, threadIri("origin", 1 + i % e2eThreads), group, i);
        });
        out("signing:   %d activities in %.1f s", total, secs(t));

        // first contact on A (each actor fetched) and on B (A's Group key, each actor fetched once more)
        Run first = drive("first contact", slice(all, 0, hosts), inboxConcurrency);
        first.report("e2e first contact");
        boolean arrived = waitFor(() -> countOnB("e1-") >= first.accepted.get(), 60, 500);
        out("  first contact reached B: %d of %d%s", countOnB("e1-"), first.accepted.get(), arrived ? "" : " (NOT ALL within 60 s)");
        analyze(dbA, dbB);

        if (!jfrDir.isEmpty()) {
            jcmd(pidA, "JFR.start", "name=e2e", "settings=profile", "filename=" + jfrDir + "/e2e-a.jfr");
            jcmd(pidB, "JFR.start", "name=e2e", "settings=profile", "filename=" + jfrDir + "/e2e-b.jfr");
        }
        Paced warm = pace(slice(all, hosts, hosts + warmN), e2eRate);
        warm.report("e2e warm-up");
        // The measured run starts with nothing in flight: a backlog of the (cold) warm-up would count as lag.
        long t1 = System.nanoTime();
        boolean caughtUp = waitFor(() -> countOnB("ew-") >= warm.accepted.get(), 300, 500);
        out("  the warm-up reached B %.1f s after its last post%s", secs(t1), caughtUp ? "" : " (NOT ALL within 300 s)");
        analyze(dbA, dbB);
        Cpu before = Cpu.now();
        String load = loadavg();
        Paced run = pace(slice(all, hosts + warmN, total), e2eRate);
        Cpu cpu = Cpu.now().minus(before);
        run.report("RESULT e2e posting on A");
        out("  cpu over %.1f s on %d cores (%.0f cpu-s): %s; load average %s before", cpu.seconds, Cpu.CORES, cpu.seconds * Cpu.CORES,
                cpu, load);

        // wait until B has what A accepted (or stops getting more)
        long accepted = run.accepted.get();
        long last = -1;
        long stalledSince = System.nanoTime();
        while (true) {
            long now = countOnB("em-");
            if (now >= accepted) {
                break;
            }
            if (now != last) {
                last = now;
                stalledSince = System.nanoTime();
            } else if (secs(stalledSince) > 30) {
                break;
            }
            sleep(500);
        }
        if (!jfrDir.isEmpty()) {
            jcmd(pidA, "JFR.stop", "name=e2e");
            jcmd(pidB, "JFR.stop", "name=e2e");
            out("profile:   flight recordings of A and B over the e2e warm-up and measured run in %s/e2e-a.jfr, e2e-b.jfr", jfrDir);
        }
        Map<String, Long> onA = storedTimes(dbA, "origin");
        Map<String, Long> onB = storedTimes(dbB, "copy");
        Histogram lag = new Histogram();
        Histogram fromPost = new Histogram();
        int missing = 0;
        long negative = 0;
        for (Map.Entry<String, Long> a : onA.entrySet()) {
            Long b = onB.get(a.getKey());
            if (b == null) {
                missing++;
                continue;
            }
            long micros = b - a.getValue();
            if (micros < 0) {
                negative++;
            }
            lag.record(Math.max(0, micros) * 1000);
            int i = Integer.parseInt(a.getKey().substring(3)) - hosts - warmN;
            if (i >= 0 && i < run.intendedWallMicros.length()) {
                fromPost.record(Math.max(0, b - run.intendedWallMicros.get(i)) * 1000);
            }
        }
        long notAcked = onA.size() - accepted;
        out("RESULT e2e lag (B's stored time of the copy minus A's stored time of the original, %d replies at %d/s): "
                        + "p50 %.1f p95 %.1f p99 %.1f max %.1f ms; missing on B %d of %d stored on A%s",
                onA.size() - missing, e2eRate, lag.percentile(50), lag.percentile(95), lag.percentile(99), lag.max(), missing, onA.size(),
                negative > 0 ? "; " + negative + " copies stored before the original's time (clock resolution)" : "");
        out("  from the intended send time to B's copy (A's inbox included): p50 %.1f p95 %.1f p99 %.1f max %.1f ms; "
                + "accepted by A %d, stored on A %d", fromPost.percentile(50), fromPost.percentile(95), fromPost.percentile(99),
                fromPost.max(), accepted, onA.size());
        boolean complete = missing == 0 && notAcked == 0 && accepted == measuredN;
        out("  target (p99 <= 1 s at 50 activities/s, two Kinship servers): %s",
                e2eRate < 50 ? "not applicable to this rate" : lag.percentile(99) <= 1000 && complete ? "MET" : "MISSED");
        return complete && first.errors() == 0 ? 0 : 1;
    }

    /**
     * ANALYZE, when the server does not do it itself: this machine's PostgreSQL runs with autovacuum off (a CI
     * setting), so the tables the benchmark fills keep the statistics of the empty schema, and the prepared
     * statements' generic plans scan them whole (seen: 37,000 lookups by primary key read 430 million rows).
     * Production runs autovacuum, which analyzes a table once a tenth of it changed.
     */
    static void analyze(String... dbs) {
        if (!AUTOVACUUM_OFF) {
            return;
        }
        long t = System.nanoTime();
        for (String db : dbs) {
            psql(db, "analyze");
        }
        out("analyze:   %s analyzed in %.1f s (autovacuum is off on this PostgreSQL)", String.join(", ", dbs), secs(t));
    }

    static final boolean AUTOVACUUM_OFF = "off".equals(psql("postgres", "show autovacuum").trim());

    static long countOnB(String tag) {
        try {
            return Long.parseLong(psql(dbB, "select count(*) from federated_object where kind = 'POST' and iri like '%/notes/" + tag + "%'").trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** note id ("em-123") -> stored time in epoch µs: forum_post.created_at of the post made for it. */
    static Map<String, Long> storedTimes(String db, String slug) {
        Map<String, Long> m = new HashMap<>();
        String rows = psql(db, "select o.iri, (extract(epoch from p.created_at) * 1000000)::bigint from federated_object o "
                + "join forum_post p on p.id = o.local_id join community c on c.id = o.community_id "
                + "where c.slug = '" + slug + "' and o.kind = 'POST' and o.iri like '%/notes/em-%'");
        for (String line : rows.split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                String iri = line.substring(0, bar);
                m.put(iri.substring(iri.lastIndexOf('/') + 1), Long.parseLong(line.substring(bar + 1).trim()));
            }
        }
        return m;
    }

    /** Posts at fixed intended times (open loop), on a pool of connections; latency from the intended time. */
    static Paced pace(Signed[] requests, int rate) throws Exception {
        Paced p = new Paced(requests.length);
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        List<Thread> workers = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + 50_000_000L;
        long wall0 = System.currentTimeMillis() * 1000 + 50_000;
        for (int w = 0; w < e2eConcurrency; w++) {
            Thread th = new Thread(() -> {
                Conn conn = new Conn();
                while (true) {
                    int i;
                    try {
                        i = queue.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (i < 0) {
                        conn.close();
                        return;
                    }
                    Response r = conn.sendOrError(requests[i].request);
                    p.record(i, r, System.nanoTime() - (t0 + i * interval));
                }
            }, "pacer-" + w);
            th.start();
            workers.add(th);
        }
        for (int i = 0; i < requests.length; i++) {
            long intended = t0 + i * interval;
            p.intendedWallMicros.set(i, wall0 + (intended - t0) / 1000);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            queue.add(i);
        }
        p.lateAtEnd = (System.nanoTime() - (t0 + (requests.length - 1) * interval)) / 1e6;
        for (int w = 0; w < workers.size(); w++) {
            queue.add(-1);
        }
        for (Thread th : workers) {
            th.join();
        }
        p.seconds = (System.nanoTime() - t0) / 1e9;
        return p;
    }

    static final class Paced extends Run {
        final AtomicLongArray intendedWallMicros;
        double lateAtEnd;

        Paced(int n) {
            super(n);
            intendedWallMicros = new AtomicLongArray(n);
        }

        @Override
        void report(String label) {
            super.report(label + String.format(Locale.ROOT, " (latency from each request's intended send time; the last was handed "
                    + "to a connection %.0f ms after its time)", lateAtEnd));
        }
    }

    // ======================================================================================
    // signing and driving
    // ======================================================================================

    static KeyPair[] KEYS;

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keyOf(String host, String name) {
        return KEYS[Math.floorMod((host + "/" + name).hashCode(), KEYS.length)];
    }

    /** A request ready to write: its signed headers and body, as bytes. */
    record Signed(byte[] request) {
    }

    /** Signs a POST to A's {@code path} as {@code name}@host with Kinship's own Signer (cavage rsa-sha256, Digest). */
    static Signed sign(String host, String name, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpMessage signed = new Signer(actor(host, name) + "#main-key", keyOf(host, name).getPrivate(), Clock.systemUTC())
                .sign(HttpMessage.request("POST", URI.create(aUrl + path), Headers.of("Content-Type", "application/activity+json"), body));
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> h : signed.headers().fields()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[h.length + body.length];
        System.arraycopy(h, 0, request, 0, h.length);
        System.arraycopy(body, 0, request, h.length, body.length);
        return new Signed(request);
    }

    static Signed[] signAll(int n, IntFunction<Signed> make) {
        return IntStream.range(0, n).parallel().mapToObj(make).toArray(Signed[]::new);
    }

    /** The outcome of a batch of requests. */
    static class Run {
        final int n;
        final Histogram latency = new Histogram();
        final AtomicInteger accepted = new AtomicInteger();
        final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        final java.util.BitSet ok = new java.util.BitSet();
        double seconds;

        Run(int n) {
            this.n = n;
        }

        void record(int i, Response r, long nanos) {
            latency.record(nanos);
            if (r.status == 202) {
                accepted.incrementAndGet();
                synchronized (ok) {
                    ok.set(i);
                }
            } else {
                refused.computeIfAbsent(r.status + " " + r.code(), k -> new LongAdder()).increment();
            }
        }

        boolean ok(int i) {
            synchronized (ok) {
                return ok.get(i);
            }
        }

        long errors() {
            return refused.values().stream().mapToLong(LongAdder::sum).sum();
        }

        void report(String label) {
            out("%s: %d requests in %.2f s, %d accepted (%.0f/s); latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f; errors %s",
                    label, n, seconds, accepted.get(), accepted.get() / seconds, latency.percentile(50), latency.percentile(90),
                    latency.percentile(99), latency.max(), refused.isEmpty() ? "none" : counts(refused));
        }
    }

    /** Sends the requests in order with {@code concurrency} connections, each as soon as its connection is free. */
    static Run drive(String name, Signed[] requests, int concurrency) throws Exception {
        Run run = new Run(requests.length);
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            Thread th = new Thread(() -> {
                Conn conn = new Conn();
                for (int i = next.getAndIncrement(); i < requests.length; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    Response r = conn.sendOrError(requests[i].request);
                    run.record(i, r, System.nanoTime() - t);
                }
                conn.close();
            }, name + "-" + c);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        run.seconds = (System.nanoTime() - t0) / 1e9;
        return run;
    }

    // ======================================================================================
    // a minimal HTTP/1.1 client: one keep-alive connection, requests written as prepared bytes
    // ======================================================================================

    record Response(int status, String body) {
        String code() {
            Matcher m = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            return m.find() ? m.group(1) : body.isEmpty() ? "" : "?";
        }
    }

    /**
     * A blocking HTTP/1.1 connection to A. {@code java.net.http} costs more CPU per request than the few bytes
     * this needs, on the same two cores as the server it measures; and the request must carry exactly the
     * signed Host header, which java.net.http does not let a caller set.
     */
    static final class Conn {
        Socket socket;
        InputStream in;
        OutputStream out;

        Response sendOrError(byte[] request) {
            try {
                return send(request);
            } catch (IOException e) {
                close();
                return new Response(-1, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
            }
        }

        Response send(byte[] request) throws IOException {
            if (socket == null) {
                String[] hp = aConnect.split(":");
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 10_000);
                socket.setSoTimeout(120_000);
                in = new BufferedInputStream(socket.getInputStream(), 8192);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            String status = line();
            if (status == null) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes((int) size));
                    line();
                }
                line();
            } else {
                body.write(in.readNBytes((int) length));
            }
            if (close) {
                close();
            }
            return new Response(code, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = s.length();
                    return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
                }
                s.append((char) c);
            }
            return s.length() == 0 ? null : s.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }

    // ======================================================================================
    // the fake network: one HttpServer per loopback address
    // ======================================================================================

    static final Network NET = new Network();

    static final class Network {
        final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
        final ExecutorService handlers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "peer");
            t.setDaemon(true);
            return t;
        });
        /** note id (the whole IRI) -> host -> when its first copy arrived there (nanoTime). */
        final Map<String, Map<String, Long>> arrivals = new ConcurrentHashMap<>();
        final Set<String> acceptedActors = ConcurrentHashMap.newKeySet();
        final AtomicLong lastAccept = new AtomicLong();
        final LongAdder gets = new LongAdder();
        final LongAdder posts = new LongAdder();
        final LongAdder unsigned = new LongAdder();
        final Map<String, byte[]> documents = new ConcurrentHashMap<>();
        final List<Socket> held = new CopyOnWriteArrayList<>();
        volatile ServerSocket silent;
        static final Pattern NOTE = Pattern.compile("\"(http://[0-9.]+:[0-9]+/notes/[A-Za-z0-9-]+)\"");

        void start(String host) {
            for (int attempt = 0; ; attempt++) {
                try {
                    HttpServer s = HttpServer.create(new InetSocketAddress(host, peerPort), 512);
                    s.createContext("/", ex -> handle(host, ex));
                    s.setExecutor(handlers);
                    s.start();
                    servers.put(host, s);
                    return;
                } catch (IOException e) {
                    if (attempt >= 20) {
                        throw new IllegalStateException("cannot bind " + host + ":" + peerPort, e);
                    }
                    sleep(500);
                }
            }
        }

        /** Connection refused from now on. */
        void kill(String host) {
            HttpServer s = servers.remove(host);
            if (s != null) {
                s.stop(0);
            }
        }

        /** Accepts connections and never reads or answers. */
        void silence(String host) throws IOException {
            kill(host);
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(host, peerPort), 512);
            silent = ss;
            Thread t = new Thread(() -> {
                while (!ss.isClosed()) {
                    try {
                        held.add(ss.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-" + host);
            t.setDaemon(true);
            t.start();
        }

        void restore(String host) throws IOException {
            if (silent != null) {
                silent.close();
                for (Socket s : held) {
                    s.close();
                }
                held.clear();
                silent = null;
            }
            kill(host);
            start(host);
        }

        void handle(String host, HttpExchange ex) throws IOException {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                if ("GET".equals(ex.getRequestMethod())) {
                    gets.increment();
                    byte[] doc = path.startsWith("/users/") && path.indexOf('/', 7) < 0
                            ? documents.computeIfAbsent(host + path, k -> actorDocument(host, path.substring(7))) : null;
                    if (doc == null) {
                        ex.sendResponseHeaders(404, -1);
                        return;
                    }
                    ex.getResponseHeaders().add("Content-Type", "application/activity+json");
                    ex.sendResponseHeaders(200, doc.length);
                    ex.getResponseBody().write(doc);
                    return;
                }
                byte[] body = ex.getRequestBody().readAllBytes();
                long now = System.nanoTime();
                posts.increment();
                if (ex.getRequestHeaders().getFirst("Signature") == null) {
                    unsigned.increment();
                }
                String json = new String(body, StandardCharsets.UTF_8);
                Matcher m = NOTE.matcher(json);
                if (m.find()) {
                    arrivals.computeIfAbsent(m.group(1), k -> new ConcurrentHashMap<>()).putIfAbsent(host, now);
                } else if (json.contains("\"Accept\"") && path.endsWith("/inbox")) {
                    acceptedActors.add(host + path);
                    lastAccept.accumulateAndGet(now, Math::max);
                }
                ex.sendResponseHeaders(202, -1);
            }
        }

        String summary() {
            return String.format(Locale.ROOT, "%d GETs (actor documents) and %d POSTs served by the fake hosts; %d POSTs without a Signature header",
                    gets.sum(), posts.sum(), unsigned.sum());
        }
    }

    /** A Person with a key and a shared inbox on its host, as Mastodon or Lemmy serve one. */
    static byte[] actorDocument(String host, String name) {
        String id = actor(host, name);
        String pem = KeyMaterial.toPem(keyOf(host, name).getPublic()).replace("\n", "\\n");
        return ("{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\"],"
                + "\"id\":\"" + id + "\",\"type\":\"Person\",\"preferredUsername\":\"" + name + "\",\"name\":\"" + name + " of " + host + "\","
                + "\"inbox\":\"" + id + "/inbox\",\"outbox\":\"" + id + "/outbox\",\"followers\":\"" + id + "/followers\","
                + "\"endpoints\":{\"sharedInbox\":\"" + base(host) + "/inbox\"},"
                + "\"publicKey\":{\"id\":\"" + id + "#main-key\",\"owner\":\"" + id + "\",\"publicKeyPem\":\"" + pem + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    // ======================================================================================
    // measuring: latency histogram, CPU, the databases
    // ======================================================================================

    /** Latencies (or lags), every sample kept: a run has at most some tens of thousands. */
    static final class Histogram {
        private long[] values = new long[1024];
        private int n;

        synchronized void record(long nanos) {
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = nanos;
        }

        /** The p-th percentile in ms (nearest rank). */
        synchronized double percentile(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            long[] sorted = java.util.Arrays.copyOf(values, n);
            java.util.Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100 * n);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        synchronized double max() {
            long m = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                m = Math.max(m, values[i]);
            }
            return n == 0 ? Double.NaN : m / 1e6;
        }
    }

    /** CPU ticks of both WildFlys, the PostgreSQL backends of both bench databases, this tool and the machine. */
    static final class Cpu {
        static final int CORES = Runtime.getRuntime().availableProcessors();
        static final double TICK = 100.0; // USER_HZ on Linux
        final double seconds;
        final double wildflyA;
        final double wildflyB;
        final double postgres;
        final double tool;
        final double busy;
        final Map<Long, Long> pgTicks;

        Cpu(double seconds, double wildflyA, double wildflyB, double postgres, double tool, double busy, Map<Long, Long> pgTicks) {
            this.seconds = seconds;
            this.wildflyA = wildflyA;
            this.wildflyB = wildflyB;
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
                        if (cmd.startsWith("postgres: ") && (cmd.contains(" " + dbA + " ") || cmd.contains(" " + dbB + " "))) {
                            long pid = Long.parseLong(p.getFileName().toString());
                            pg.put(pid, ticks(pid));
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
            return new Cpu(all / TICK / CORES, ticks(pidA) / TICK, ticks(pidB) / TICK,
                    pg.values().stream().mapToLong(Long::longValue).sum() / TICK, ticks(ProcessHandle.current().pid()) / TICK, busy / TICK, pg);
        }

        Cpu minus(Cpu before) {
            long pgDelta = 0;
            for (var e : pgTicks.entrySet()) {
                pgDelta += e.getValue() - before.pgTicks.getOrDefault(e.getKey(), 0L);
            }
            return new Cpu(seconds - before.seconds, wildflyA - before.wildflyA, wildflyB - before.wildflyB, pgDelta / TICK,
                    tool - before.tool, busy - before.busy, Map.of());
        }

        static long ticks(long pid) {
            if (pid == 0) {
                return 0;
            }
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
            double other = Math.max(0, busy - wildflyA - wildflyB - postgres - tool);
            return String.format(Locale.ROOT, "wildfly A %.1f, wildfly B %.1f, postgres %.1f, tool %.1f, other processes %.1f, idle %.1f cpu-s",
                    wildflyA, wildflyB, postgres, tool, other, Math.max(0, seconds * CORES - busy));
        }
    }

    /** Runs one query with psql (unaligned, tuples only) and returns its output. */
    static String psql(String db, String sql) {
        try {
            Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                    "-d", db, "-c", sql).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("psql failed on " + db + ": " + text);
            }
            return text;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids after {@code marker} in one IRI a line ("…/notes/im-123" -> "im-123"). */
    static Set<String> idsAfter(String lines, String marker) {
        Set<String> ids = new HashSet<>();
        for (String line : lines.split("\n")) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                ids.add(line.substring(at + marker.length()).trim());
            }
        }
        return ids;
    }

    static String jcmd(long pid, String... command) {
        List<String> cmd = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
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

    static String md5Uuid(String name) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
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

    /** Polls every 5 ms (in-memory conditions). */
    static boolean waitFor(java.util.function.BooleanSupplier done, int seconds) {
        return waitFor(done, seconds, 5);
    }

    static boolean waitFor(java.util.function.BooleanSupplier done, int seconds, long pollMillis) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            sleep(pollMillis);
        }
        return done.getAsBoolean();
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String counts(Map<String, LongAdder> m) {
        Map<String, Long> copy = new TreeMap<>();
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
