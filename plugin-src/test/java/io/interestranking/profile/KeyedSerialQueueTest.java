package io.interestranking.profile;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyedSerialQueueTest {

    @Test
    void tasksOfOneKeyWaitForTheRunningOneOthersDoNot() {
        KeyedSerialQueue queue = new KeyedSerialQueue(Runnable::run);
        List<String> log = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        queue.submit("u", done -> { log.add("u1"); pending.add(done); });
        queue.submit("u", done -> { log.add("u2"); done.run(); });
        queue.submit("v", done -> { log.add("v1"); done.run(); });
        assertEquals(List.of("u1", "v1"), log); // u2 waits for u1
        pending.get(0).run();
        assertEquals(List.of("u1", "v1", "u2"), log);
        pending.get(0).run(); // a second call of the same callback changes nothing
        assertEquals(0, queue.activeKeys());
    }
}
