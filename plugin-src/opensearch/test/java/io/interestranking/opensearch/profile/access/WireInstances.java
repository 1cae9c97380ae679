package io.interestranking.opensearch.profile.access;

import static org.opensearch.test.OpenSearchTestCase.randomAlphaOfLength;
import static org.opensearch.test.OpenSearchTestCase.randomBoolean;
import static org.opensearch.test.OpenSearchTestCase.randomDoubleBetween;
import static org.opensearch.test.OpenSearchTestCase.randomFrom;
import static org.opensearch.test.OpenSearchTestCase.randomIntBetween;
import static org.opensearch.test.OpenSearchTestCase.randomList;
import static org.opensearch.test.OpenSearchTestCase.randomLongBetween;

import io.interestranking.core.profile.Event;
import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.InterestModel;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.ProfileCodec;
import io.interestranking.core.profile.Vectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Random messages of the profile actions, for the wire tests (the framework's randomness, so seeds reproduce). */
public final class WireInstances {

    private WireInstances() {}

    /** A profile of a few events, its vectors rounded as the wire form carries them. */
    public static Profile profile() {
        Profile p = new Profile(randomAlphaOfLength(8), randomFrom("all-minilm-l6-v2", "bge-small-zh-v1.5"));
        InterestModel model = new InterestModel(ModelParams.defaults());
        int dimension = randomIntBetween(2, 16);
        long t = randomLongBetween(0, 1L << 40);
        for (int i = 0; i < randomIntBetween(0, 6); i++) {
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = (float) randomDoubleBetween(-1, 1, true);
            }
            EventType type = randomFrom(EventType.CLICK, EventType.PURCHASE, EventType.SKIP, EventType.DISLIKE);
            model.apply(p, new Event(type, t + i, Vectors.unit(v), "item-" + i, null, 1, null));
        }
        ProfileCodec.roundVectors(p);
        p.updated(randomLongBetween(0, 1L << 40));
        return p;
    }

    public static UsersRequest usersRequest() {
        return new UsersRequest(
                randomFrom(UsersRequest.Op.values()),
                randomAlphaOfLength(6),
                randomBoolean(),
                randomList(0, 3, () -> randomAlphaOfLength(10)),
                randomBoolean() ? null : randomAlphaOfLength(5));
    }

    public static UsersResponse usersResponse() {
        Profile profile = randomBoolean() ? profile() : null;
        return new UsersResponse(
                randomAlphaOfLength(6),
                profile,
                profile != null,
                randomBoolean(),
                randomBoolean(),
                ModelParams.defaults());
    }

    /**
     * A users response as its view can show it: a profile with vectors shown (without remembered ids or write time,
     * which the view leaves out), a missing profile, or a delete's outcome.
     */
    public static UsersResponse usersResponseAsShown() {
        String user = randomAlphaOfLength(6);
        return switch (randomIntBetween(0, 2)) {
            case 0 -> {
                Profile profile = profile();
                profile.updated(0);
                yield new UsersResponse(
                        profile.userId(), profile, true, profile.isEmpty() == false, false, ModelParams.defaults());
            }
            case 1 -> new UsersResponse(user, null, false, false, false, ModelParams.defaults());
            default -> new UsersResponse(user, null, randomBoolean(), false, true, ModelParams.defaults());
        };
    }

    public static EventsRequest eventsRequest() {
        return new EventsRequest(randomList(1, 5, () -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("user_id", randomAlphaOfLength(5));
            event.put("type", randomFrom("click", "purchase", "rating"));
            event.put("timestamp", "2026-11-" + (10 + randomIntBetween(0, 19)) + "T10:00:00Z");
            event.put("item", Map.of("index", randomAlphaOfLength(4), "id", randomAlphaOfLength(3)));
            return (Object) event;
        }));
    }

    public static EventsResponse eventsResponse() {
        List<EventResult> items = randomList(
                0,
                5,
                () -> randomBoolean()
                        ? new EventResult(
                                200,
                                "applied",
                                randomAlphaOfLength(4),
                                randomBoolean() ? null : randomAlphaOfLength(4),
                                null,
                                null)
                        : new EventResult(
                                400, null, null, null, "illegal_argument_exception", randomAlphaOfLength(12)));
        return new EventsResponse(randomLongBetween(0, 10_000), items);
    }
}
