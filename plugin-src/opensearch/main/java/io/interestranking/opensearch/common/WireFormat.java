package io.interestranking.opensearch.common;

import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.ProfileCodec;
import java.io.IOException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/**
 * The version of every message this plugin sends between nodes (requests, responses, query and rescorer builders),
 * written first and checked first: a node of another plugin release refuses a message by name instead of misreading
 * it. Bump it with any change of a message's layout. Profiles carry their own, stored, format
 * ({@code ProfileCodec}).
 */
public final class WireFormat {

    /** 2: a profile travels as the core's bytes ({@code ProfileCodec.wire}) after their length. */
    public static final byte VERSION = 2;

    private WireFormat() {}

    public static void write(StreamOutput out) throws IOException {
        out.writeByte(VERSION);
    }

    /** Reads the version and refuses any other than this node's; {@code what} names the message. */
    public static void check(StreamInput in, String what) throws IOException {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("[" + what + "] arrived in wire format [" + version + "], this node reads [" + VERSION
                    + "]: every node needs the same version of the interest-ranking plugin");
        }
    }

    /** A profile or null, in the core's node-to-node form. */
    public static void writeOptionalProfile(StreamOutput out, Profile profile) throws IOException {
        out.writeBoolean(profile != null);
        if (profile != null) {
            out.writeByteArray(ProfileCodec.wire(profile));
        }
    }

    public static Profile readOptionalProfile(StreamInput in) throws IOException {
        return in.readBoolean() ? ProfileCodec.fromWire(in.readByteArray()) : null;
    }
}
