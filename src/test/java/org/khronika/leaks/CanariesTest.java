package org.khronika.leaks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak search itself must find what it looks for, or the leak tests prove nothing.
 */
class CanariesTest {

	@Test
	void findsACanaryInEachEncodingAndAlignment() {
		String canary = Canaries.CYRILLIC_NAME;
		assertThat(Canaries.foundIn(("x" + canary + "y").getBytes(StandardCharsets.UTF_8)))
			.contains(canary + " (UTF-8)");
		assertThat(Canaries.foundIn(("x" + canary).getBytes(StandardCharsets.UTF_16LE)))
			.contains(canary + " (UTF-16LE)");
		for (String prefix : new String[] { "", "a", "ab", "abc" }) {
			byte[] embedded = Base64.getEncoder().encode((prefix + canary + "tail").getBytes(StandardCharsets.UTF_8));
			assertThat(Canaries.foundIn(embedded)).as("Base64 after '" + prefix + "'")
				.anyMatch(label -> label.startsWith(canary + " (Base64"));
		}
	}

	@Test
	void findsNothingWhereThereIsNothing() {
		assertThat(Canaries.foundIn("Иван Клоков, ничего особенного".getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

}
