package io.interestranking.profile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's interest profile. All weights are stored as of {@link #clock()}, the latest event time applied, so
 * one common decay factor brings them to any later time.
 */
public final class Profile {

    final String userId;
    long clock = Long.MIN_VALUE;
    long eventCount;
    final List<Interest> interests = new ArrayList<>();
    Interest shortTerm;
    Interest negative;
    /** Ids of recently applied events, oldest first: a retried event counts once. */
    final Deque<String> recentEventIds = new ArrayDeque<>();
    private final Set<String> recentIndex = new HashSet<>();

    public Profile(String userId) {
        this.userId = userId;
    }

    public String userId() {
        return userId;
    }

    public long clock() {
        return clock;
    }

    public long eventCount() {
        return eventCount;
    }

    public List<Interest> interests() {
        return interests;
    }

    public Interest shortTerm() {
        return shortTerm;
    }

    public Interest negative() {
        return negative;
    }

    public Deque<String> recentEventIds() {
        return recentEventIds;
    }

    public boolean isEmpty() {
        return interests.isEmpty() && shortTerm == null && negative == null;
    }

    boolean seen(String eventId) {
        return recentIndex.contains(eventId);
    }

    void remember(String eventId, int capacity) {
        if (recentIndex.add(eventId)) {
            recentEventIds.addLast(eventId);
        }
        while (recentEventIds.size() > capacity) {
            recentIndex.remove(recentEventIds.removeFirst());
        }
    }

    // for the codec
    void restore(long clock, long eventCount, List<Interest> interests, Interest shortTerm, Interest negative, List<String> recentIds) {
        this.clock = clock;
        this.eventCount = eventCount;
        this.interests.clear();
        this.interests.addAll(interests);
        this.shortTerm = shortTerm;
        this.negative = negative;
        this.recentEventIds.clear();
        this.recentIndex.clear();
        for (String id : recentIds) {
            remember(id, Integer.MAX_VALUE);
        }
    }
}
