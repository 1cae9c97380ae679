package io.interestranking.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedSerialQueueTest {

    @Test
    void tasksOfOneKeyWaitForTheRunningOneOthersDoNot() {
        KeyedSerialQueue queue = new KeyedSerialQueue(Runnable::run);
        List<String> log = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        queue.submit("u", done -> {
            log.add("u1");
            pending.add(done);
        });
        queue.submit("u", done -> {
            log.add("u2");
            done.run();
        });
        queue.submit("v", done -> {
            log.add("v1");
            done.run();
        });
        assertEquals(List.of("u1", "v1"), log); // u2 waits for u1
        pending.get(0).run();
        assertEquals(List.of("u1", "v1", "u2"), log);
        pending.get(0).run(); // a second call of the same callback changes nothing
        assertEquals(0, queue.activeKeys());
    }

    @Test
    void submitAllTakesAHundredThousandFreeKeysWithoutRecursion() {
        KeyedSerialQueue queue = new KeyedSerialQueue(Runnable::run);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            keys.add(String.format("u%06d", i));
        }
        List<Runnable> held = new ArrayList<>();
        queue.submitAll(keys, held::add); // a recursion per key would overflow the stack here
        assertEquals(1, held.size());
        assertEquals(100_000, queue.activeKeys());
        held.get(0).run();
        assertEquals(0, queue.activeKeys());
    }

    @Test
    void submitAllWaitsForAHeldKeyThenTakesTheRest() {
        KeyedSerialQueue queue = new KeyedSerialQueue(Runnable::run);
        List<Runnable> other = new ArrayList<>();
        queue.submit("b", other::add);
        List<Runnable> mine = new ArrayList<>();
        queue.submitAll(List.of("a", "b", "c"), mine::add);
        assertEquals(0, mine.size()); // "b" is held elsewhere
        assertEquals(2, queue.activeKeys()); // "a" taken, "b" busy, "c" not yet asked for
        other.get(0).run();
        assertEquals(1, mine.size());
        assertEquals(3, queue.activeKeys());
        mine.get(0).run();
        assertEquals(0, queue.activeKeys());
    }
}
