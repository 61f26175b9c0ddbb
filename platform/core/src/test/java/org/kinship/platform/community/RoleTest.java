package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoleTest {
    @Test
    void onlyModeratorsAndAdminsModerate() {
        assertEquals(EnumSet.of(Role.MODERATOR, Role.ADMIN),
                Arrays.stream(Role.values()).filter(Role::canModerate)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
    }

    @Test
    void onlyAdminsAdminister() {
        assertEquals(EnumSet.of(Role.ADMIN),
                Arrays.stream(Role.values()).filter(Role::canAdminister)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
    }
}
