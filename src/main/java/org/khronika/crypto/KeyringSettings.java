package org.khronika.crypto;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keyring lives: {@code khronika.keyring.directory}, by default the data
 * directory. The passphrase is never a setting: it comes from the environment
 * ({@code KHRONIKA_PASSPHRASE} or {@code KHRONIKA_RECOVERY_KEY}) or from a prompt on the
 * console.
 */
@ConfigurationProperties("khronika.keyring")
public record KeyringSettings(Path directory) {
}
