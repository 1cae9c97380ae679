package io.interestranking.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user's interest profile. All weights are stored as of {@link #clock()}, the latest event time applied, so
 * one common decay factor brings them to any later time.
 */
public final class Profile {

    final String userId;
    /** The embedding space (model name) of every vector of this profile: see {@link ProfileId}. */
    final String space;

    long clock = Long.MIN_VALUE;
    /** Wall-clock time of the last write (epoch ms), for expiring inactive users; 0 before the first. */
    long updated;

    long eventCount;
    final List<Interest> interests = new ArrayList<>();
    Interest shortTerm;
    Interest negative;
    /** Recently applied event ids (hashed), oldest first: a retried event counts once. */
    RecentIds recentEventIds = new RecentIds();

    public Profile(String userId, String space) {
        this.userId = userId;
        this.space = space;
    }

    public String userId() {
        return userId;
    }

    public String space() {
        return space;
    }

    public ProfileId id() {
        return new ProfileId(userId, space);
    }

    public long updated() {
        return updated;
    }

    /** Set by the store as it writes. */
    public void updated(long epochMillis) {
        this.updated = epochMillis;
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

    public RecentIds recentEventIds() {
        return recentEventIds;
    }

    /** Every direction the profile holds: the long-term interests, then the short-term and negative ones if any. */
    public List<Interest> parts() {
        List<Interest> parts = new ArrayList<>(interests);
        if (shortTerm != null) {
            parts.add(shortTerm);
        }
        if (negative != null) {
            parts.add(negative);
        }
        return parts;
    }

    public boolean isEmpty() {
        return interests.isEmpty() && shortTerm == null && negative == null;
    }

    boolean seen(String eventId) {
        return recentEventIds.contains(RecentIds.hash(eventId));
    }

    void remember(String eventId, int capacity) {
        recentEventIds.add(RecentIds.hash(eventId), capacity);
    }

    // for the codec, the view parser and tests: a profile as it was stored or shown
    public void restore(
            long clock,
            long eventCount,
            List<Interest> interests,
            Interest shortTerm,
            Interest negative,
            RecentIds recentIds) {
        this.clock = clock;
        this.eventCount = eventCount;
        this.interests.clear();
        this.interests.addAll(interests);
        this.shortTerm = shortTerm;
        this.negative = negative;
        this.recentEventIds = recentIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p
                && userId.equals(p.userId)
                && space.equals(p.space)
                && clock == p.clock
                && updated == p.updated
                && eventCount == p.eventCount
                && interests.equals(p.interests)
                && Objects.equals(shortTerm, p.shortTerm)
                && Objects.equals(negative, p.negative)
                && recentEventIds.equals(p.recentEventIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, space, clock, updated, eventCount, interests);
    }

    /** A deep copy: updates work on a copy so that a failed or retried write leaves the original as it was. */
    public Profile copy() {
        Profile c = new Profile(userId, space);
        c.updated = updated;
        List<Interest> copies = new ArrayList<>(interests.size());
        for (Interest i : interests) {
            copies.add(i.copy());
        }
        c.restore(
                clock,
                eventCount,
                copies,
                shortTerm == null ? null : shortTerm.copy(),
                negative == null ? null : negative.copy(),
                recentEventIds.copy());
        return c;
    }
}
