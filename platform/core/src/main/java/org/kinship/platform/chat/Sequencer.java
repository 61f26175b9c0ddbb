package org.kinship.platform.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts one room's messages back in sequence order before they are delivered. Sequence numbers are
 * handed out in commit order, but the after-commit notifications of two transactions run on two
 * threads and may arrive the other way round; without this, two clients could see two messages in
 * different orders. A message that arrives ahead of a gap waits for it; if the gap is not filled
 * within {@code maxWaitNanos} (it should never happen: a number is only handed out by a commit),
 * what waits is released anyway, in order, so nothing is held forever. Not thread-safe: the caller
 * synchronises per room.
 *
 * @param <T> what is delivered
 */
public final class Sequencer<T> {
    private final long maxWaitNanos;
    private final TreeMap<Long, T> waiting = new TreeMap<>();
    private long next = -1;
    private long waitingSince;

    /** A sequencer that takes the first number it is offered as the start (see the other constructor). */
    public Sequencer(long maxWaitNanos) {
        this(maxWaitNanos, -1);
    }

    /**
     * A sequencer that expects {@code next} first. Starting from the first number offered is wrong when
     * the first two notifications arrive swapped: the second would be delivered before the first. A room
     * whose last number is known (a client joined it after reading it) starts from that number + 1.
     */
    public Sequencer(long maxWaitNanos, long next) {
        this.maxWaitNanos = maxWaitNanos;
        this.next = next;
    }

    /** Offers message {@code seq}; returns what may be delivered now, in order (possibly empty). */
    public List<T> offer(long seq, T item, long nowNanos) {
        List<T> ready = new ArrayList<>();
        if (next < 0 || seq == next) {
            ready.add(item);
            next = seq + 1;
            drainContiguous(ready);
        } else if (seq < next) {
            // Late (after a released gap) or a duplicate notification: deliver; clients de-duplicate by seq.
            ready.add(item);
        } else {
            if (waiting.isEmpty()) {
                waitingSince = nowNanos;
            }
            waiting.put(seq, item);
        }
        ready.addAll(expire(nowNanos));
        return ready;
    }

    /** Releases what has waited too long for a gap to fill. */
    public List<T> expire(long nowNanos) {
        List<T> ready = new ArrayList<>();
        if (!waiting.isEmpty() && nowNanos - waitingSince >= maxWaitNanos) {
            Map.Entry<Long, T> first = waiting.pollFirstEntry();
            ready.add(first.getValue());
            next = first.getKey() + 1;
            drainContiguous(ready);
            waitingSince = nowNanos;
        }
        return ready;
    }

    public boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    private void drainContiguous(List<T> ready) {
        while (!waiting.isEmpty() && waiting.firstKey() == next) {
            ready.add(waiting.pollFirstEntry().getValue());
            next++;
        }
        while (!waiting.isEmpty() && waiting.firstKey() < next) {
            ready.add(waiting.pollFirstEntry().getValue());
        }
    }
}
