package org.khronika.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.khronika.crypto.PublicationSigner;

/**
 * A published site as files, and the check of one. Every file is listed in
 * {@code manifest.txt} with its SHA-256, in the format {@code sha256sum -c} reads; the
 * manifest is signed with the organisation's publication key ({@code manifest.sig}, raw
 * Ed25519), whose public half is {@code publication-key.pem}. A changed, added or removed
 * byte anywhere fails the check.
 */
public final class SiteFiles {

	/** The list of files with their SHA-256. */
	public static final String MANIFEST = "manifest.txt";

	/** The manifest's signature: 64 bytes. */
	public static final String SIGNATURE = "manifest.sig";

	/** The public key that checks the signature, as PEM. */
	public static final String PUBLIC_KEY = "publication-key.pem";

	private SiteFiles() {
	}

	/**
	 * {@code files} (by path, "/" separated, relative) with the public key, the manifest
	 * and its signature added.
	 */
	static SortedMap<String, byte[]> signed(Map<String, byte[]> files, PublicationSigner signer) {
		SortedMap<String, byte[]> all = new TreeMap<>(files);
		all.put(PUBLIC_KEY, signer.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
		byte[] manifest = manifest(all).getBytes(StandardCharsets.UTF_8);
		all.put(MANIFEST, manifest);
		all.put(SIGNATURE, signer.sign(manifest));
		return Collections.unmodifiableSortedMap(all);
	}

	private static String manifest(SortedMap<String, byte[]> files) {
		StringBuilder manifest = new StringBuilder();
		files.forEach((path, bytes) -> manifest.append(Snapshots.sha256(bytes)).append("  ").append(path).append('\n'));
		return manifest.toString();
	}

	/**
	 * Writes the files into {@code dir}, which must not exist or be empty: a site is
	 * never written over another.
	 * @throws IOException if it cannot be written, or {@code dir} holds files already
	 */
	public static void write(Map<String, byte[]> files, Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> inside = Files.list(dir)) {
				if (inside.findAny().isPresent()) {
					throw new IOException(dir + " is not empty: a site is written into a new or empty directory");
				}
			}
		}
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			Path target = dir.resolve(file.getKey()).normalize();
			if (!target.startsWith(dir.normalize())) {
				throw new IOException("a site file outside the directory: " + file.getKey());
			}
			Path parent = target.getParent();
			if (parent == null) {
				throw new IOException("a site file outside the directory: " + file.getKey());
			}
			Files.createDirectories(parent);
			Files.write(target, file.getValue());
		}
	}

	/**
	 * What is wrong with the site in {@code dir}, checked against {@code trustedKey}
	 * (PEM) if given, else against the key the site carries; empty if nothing is.
	 */
	public static List<String> check(Path dir, Optional<String> trustedKey) throws IOException {
		List<String> problems = new ArrayList<>();
		Path manifestFile = dir.resolve(MANIFEST);
		Path signatureFile = dir.resolve(SIGNATURE);
		Path keyFile = dir.resolve(PUBLIC_KEY);
		for (Path needed : List.of(manifestFile, signatureFile, keyFile)) {
			if (!Files.isRegularFile(needed)) {
				problems.add(dir.relativize(needed) + " is missing");
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		byte[] manifest = Files.readAllBytes(manifestFile);
		String key = trustedKey.orElse(Files.readString(keyFile, StandardCharsets.US_ASCII));
		if (!PublicationSigner.verifies(key, manifest, Files.readAllBytes(signatureFile))) {
			problems.add(MANIFEST + ": the signature does not match "
					+ (trustedKey.isPresent() ? "the key given" : "the key in " + PUBLIC_KEY));
		}
		if (trustedKey.isPresent() && !normalised(trustedKey.get())
			.equals(normalised(Files.readString(keyFile, StandardCharsets.US_ASCII)))) {
			problems.add(PUBLIC_KEY + " is not the key given");
		}
		Map<String, String> listed = new TreeMap<>();
		int line = 0;
		for (String entry : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
			line++;
			int gap = entry.indexOf("  ");
			if (gap != 64) {
				problems.add(MANIFEST + ", line " + line + ": not 'SHA-256  path'");
				continue;
			}
			listed.put(entry.substring(gap + 2), entry.substring(0, gap));
		}
		for (Map.Entry<String, String> file : listed.entrySet()) {
			Path path = dir.resolve(file.getKey()).normalize();
			if (!path.startsWith(dir.normalize()) || !Files.isRegularFile(path)) {
				problems.add(file.getKey() + " is listed but missing");
			}
			else if (!Snapshots.sha256(Files.readAllBytes(path)).equals(file.getValue())) {
				problems.add(file.getKey() + " was changed: its SHA-256 is not the one listed");
			}
		}
		try (Stream<Path> all = Files.walk(dir)) {
			all.filter(Files::isRegularFile)
				.map(path -> dir.relativize(path).toString().replace('\\', '/'))
				.filter(path -> !path.equals(MANIFEST) && !path.equals(SIGNATURE) && !listed.containsKey(path))
				.sorted()
				.forEach(path -> problems.add(path + " is not in the manifest"));
		}
		return problems;
	}

	private static String normalised(String pem) {
		return pem.replaceAll("\\s", "");
	}

}
