package org.khronika.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

	/** RFC 6238, appendix B: the SHA-1 seed. */
	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheTestVectorsOfRfc6238() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), "HmacSHA1", 8)).isEqualTo("94287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109L)), "HmacSHA1", 8))
			.isEqualTo("07081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111111L)), "HmacSHA1", 8))
			.isEqualTo("14050471");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890L)), "HmacSHA1", 8))
			.isEqualTo("89005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000L)), "HmacSHA1", 8))
			.isEqualTo("69279037");
	}

	@Test
	void acceptsTheCodeOfOneStepEitherSideAndNoFurther() {
		Instant now = Instant.ofEpochSecond(1_700_000_000L);
		long step = Totp.step(now);

		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).isEqualTo(step);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).isEqualTo(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).isEqualTo(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEqualTo(-1);
	}

	@Test
	void writesBase32AsRfc4648AndReadsItBack() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Staff.base32("MZXW 6YTB OI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void theUriCarriesIssuerLoginAndSecretForAuthenticatorApps() {
		assertThat(Totp.uri("Khronika", "anna.k", "foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo(
				"otpauth://totp/Khronika:anna.k?secret=MZXW6YTBOI&issuer=Khronika&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void theQrCodeIsAnSvgWithoutScriptOrStyle() {
		String svg = QrCode.svg("otpauth://totp/Khronika:anna?secret=MZXW6YTBOI");
		assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 ").doesNotContain("<script", "style=");
	}

}
