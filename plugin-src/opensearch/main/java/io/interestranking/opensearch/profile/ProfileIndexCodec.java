package io.interestranking.opensearch.profile;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene codec of the profile index ({@code index.codec}: {@value #NAME}): Lucene 10.4's default codec, except that
 * stored fields (the documents' {@code _source}) are written without compression.
 *
 * <p>Why: a profile's stored value is mostly vectors (a byte per component), which LZ4 cannot shrink, yet the default
 * stored fields format searches for matches in every byte — on the events bench's clickstream of returning users
 * three quarters of the writing thread's time and half of the merge threads' went to that search (a JFR profile).
 * Stored as they come, the bytes cost a copy; a segment grows by 8% (docs/operating.md, "Profiles at scale").
 *
 * <p>Segments record the codec by name and Lucene finds it through the plugin's {@code META-INF/services}; the name and
 * the format it stands for never change (a later layout gets a new name, this class stays to read the old segments).
 */
public final class ProfileIndexCodec extends FilterCodec {

    public static final String NAME = "InterestProfile104";

    /** Stored fields as written: the compressor copies, the decompressor reads. */
    static final CompressionMode STORED = new CompressionMode() {
        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
                    out.copyBytes(in, in.length());
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new Decompressor() {
                @Override
                public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
                        throws IOException {
                    // only the range asked for is copied; the input ends past the block, as after reading all of it
                    bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
                    in.skipBytes(offset);
                    in.readBytes(bytes.bytes, 0, length);
                    in.skipBytes(originalLength - offset - length);
                    bytes.offset = 0;
                    bytes.length = length;
                }

                @Override
                public Decompressor clone() {
                    return this; // no state
                }
            };
        }

        @Override
        public String toString() {
            return "STORED";
        }
    };

    private final StoredFieldsFormat storedFields =
            new Lucene90CompressingStoredFieldsFormat("InterestProfileStoredFields", STORED, 60 * 1024, 1024, 10);

    /** Public and without arguments: Lucene instantiates it by name when it opens a segment. */
    public ProfileIndexCodec() {
        super(NAME, new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
