package io.github.kalturareport.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The cache answers what encoding the user afresh would, also when users share a slot. */
class UserFieldsTest {
    private static final Dataset DATA = new Dataset(
            new DatasetSpec(3, 2, 2, 2, 0, 1, 50_000, 0, LocalDate.of(2025, 1, 31), 30));

    @Test
    void usersSharingASlotEachGetTheirOwnFields() {
        UserFields users = new UserFields(DATA);
        int[] order = {5, 5 + 4096, 5, 4101 + 4096 * 3, 0, 4096, 0, 49_999, 5};
        for (int user : order) {
            assertFields(users, user);
        }
    }

    @Test
    void everyUserOfALargePoolMatches() {
        UserFields users = new UserFields(DATA);
        for (int user = 0; user < 50_000; user += 7) {
            assertFields(users, user);
        }
    }

    private static void assertFields(UserFields users, int user) {
        Dataset.User u = DATA.user(user);
        assertThat(users.rawId(user)).as("raw id of %d", user).isEqualTo(u.id());
        assertThat(users.id(user)).as("id of %d", user).isEqualTo(CsvBuffer.field(u.id()));
        assertThat(users.name(user)).as("name of %d", user).isEqualTo(CsvBuffer.field(u.name()));
        assertThat(users.email(user)).as("email of %d", user).isEqualTo(CsvBuffer.field(u.email()));
    }
}
