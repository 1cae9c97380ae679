package io.interestranking.profile;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs asynchronous tasks one at a time per key, without blocking a thread: a task receives a callback to call
 * when its work is done, and the next task for that key starts then. Used so that updates of one user's profile
 * on this node do not race each other (other nodes are handled by optimistic concurrency).
 */
public final class KeyedSerialQueue {

    private final Map<String, ArrayDeque<Consumer<Runnable>>> waiting = new HashMap<>();
    private final Executor executor;

    public KeyedSerialQueue(Executor executor) {
        this.executor = executor;
    }

    public void submit(String key, Consumer<Runnable> task) {
        synchronized (waiting) {
            ArrayDeque<Consumer<Runnable>> queue = waiting.get(key);
            if (queue != null) {
                queue.add(task);
                return;
            }
            waiting.put(key, new ArrayDeque<>());
        }
        run(key, task);
    }

    private void run(String key, Consumer<Runnable> task) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable next = () -> {
            if (done.compareAndSet(false, true)) {
                startNext(key);
            }
        };
        try {
            task.accept(next);
        } catch (RuntimeException e) {
            next.run();
            throw e;
        }
    }

    private void startNext(String key) {
        Consumer<Runnable> task;
        synchronized (waiting) {
            ArrayDeque<Consumer<Runnable>> queue = waiting.get(key);
            task = queue.poll();
            if (task == null) {
                waiting.remove(key);
                return;
            }
        }
        // a fresh stack per task: a long queue of quick tasks must not recurse
        executor.execute(() -> run(key, task));
    }

    /** Keys with a task running or waiting (for tests and stats). */
    public int activeKeys() {
        synchronized (waiting) {
            return waiting.size();
        }
    }
}
