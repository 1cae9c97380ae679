package io.interestranking.opensearch.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;

class InterestSettingsTest {

    @Test
    void everyDoubleSettingRefusesNaN() {
        int checked = 0;
        for (Setting<?> setting : InterestSettings.all()) {
            if (setting.getDefault(Settings.EMPTY) instanceof Double == false) {
                continue;
            }
            Settings nan = Settings.builder().put(setting.getKey(), "NaN").build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> setting.get(nan));
            assertTrue(e.getMessage().contains(setting.getKey()), e.getMessage());
            checked++;
        }
        assertEquals(17, checked); // 9 model parameters and 8 event-type weights
    }

    @Test
    void aNumberInRangeIsStillAccepted() {
        Settings half = Settings.builder()
                .put(InterestSettings.INTEREST_HALF_WEIGHT.getKey(), "2.5")
                .build();
        assertEquals(2.5, InterestSettings.INTEREST_HALF_WEIGHT.get(half));
    }
}
