package io.interestranking.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.settings.SettingDefs.BoolDef;
import io.interestranking.core.settings.SettingDefs.Def;
import io.interestranking.core.settings.SettingDefs.DoubleDef;
import io.interestranking.core.settings.SettingDefs.IntDef;
import io.interestranking.core.settings.SettingDefs.TimeDef;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingDefsTest {

    @Test
    void theModelSettingsDefaultsAreTheModelsDefaultsAndWithinTheirBounds() {
        Map<String, Object> values = new HashMap<>();
        for (Def d : SettingDefs.model()) {
            assertTrue(d.key().startsWith(SettingDefs.PREFIX), d.key());
            assertTrue(d.dynamic(), d.key());
            Object value = switch (d) {
                case IntDef i -> {
                    assertTrue(i.min() <= i.defaultValue() && i.defaultValue() <= i.max(), i.key());
                    yield i.defaultValue();
                }
                case DoubleDef x -> {
                    assertTrue(x.min() <= x.defaultValue() && x.defaultValue() <= x.max(), x.key());
                    yield x.defaultValue();
                }
                case BoolDef b -> b.defaultValue();
                case TimeDef t -> Long.parseLong(t.defaultValue().replace("ms", ""));
                default -> throw new AssertionError(d);
            };
            assertEquals(null, values.put(d.key().substring(SettingDefs.PREFIX.length()), value), d.key());
        }
        assertEquals(26, values.size()); // 18 parameters and 8 event-type weights
        assertEquals(ModelParams.defaults(), ModelParams.from(values::get));
        // 30 days, as docs/settings.md says
        assertEquals("2592000000ms", SettingDefs.LONG_HALF_LIFE.defaultValue());
    }

    @Test
    void aLoneQueryGetsAllProcessorsUpToFour() {
        assertEquals(1, SettingDefs.loneIntraOpThreadsDefault(1));
        assertEquals(2, SettingDefs.loneIntraOpThreadsDefault(2));
        assertEquals(4, SettingDefs.loneIntraOpThreadsDefault(16));
    }
}
