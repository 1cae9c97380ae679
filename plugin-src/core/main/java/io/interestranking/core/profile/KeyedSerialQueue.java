package io.interestranking.core.profile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * Holds every key of {@code sortedKeys} (callers give them in one global order, so that two callers never
     * wait on each other), then runs {@code task} with a callback that releases them all. Keys are taken in a
     * loop: a free key is taken at once; a held key ends the loop, which resumes on the thread that hands the key
     * over — never a recursion per key, however many keys.
     */
    public void submitAll(List<String> sortedKeys, Consumer<Runnable> task) {
        List<Runnable> releases = new ArrayList<>(sortedKeys.size());
        Runnable releaseAll = () -> {
            synchronized (releases) {
                releases.forEach(Runnable::run);
            }
        };
        takeFrom(sortedKeys, 0, releases, () -> task.accept(releaseAll));
    }

    private void takeFrom(List<String> keys, int from, List<Runnable> releases, Runnable whenAll) {
        for (int i = from; i < keys.size(); i++) {
            int next = i + 1;
            // 0: submitting; 1: granted while submitting (the loop goes on); 2: queued (the grant goes on)
            AtomicInteger state = new AtomicInteger();
            submit(keys.get(i), release -> {
                synchronized (releases) {
                    releases.add(release);
                }
                if (state.compareAndSet(0, 1) == false) {
                    takeFrom(keys, next, releases, whenAll);
                }
            });
            if (state.compareAndSet(0, 2)) {
                return;
            }
        }
        whenAll.run();
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
