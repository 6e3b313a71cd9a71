package org.khronika.publish.web;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.khronika.publish.Site;
import org.khronika.publish.Snapshots;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /public/}: the static site of the latest snapshot, without login, for an
 * organisation that runs one server. Exactly the files {@code publish site} writes,
 * served from memory: nothing else of Khronika becomes public, and a path that is not one
 * of those files is not found.
 */
@Controller
class PublicSite {

	private static final Map<String, MediaType> TYPES = Map.of("html", MediaType.valueOf("text/html;charset=UTF-8"),
			"css", MediaType.valueOf("text/css;charset=UTF-8"), "json", MediaType.APPLICATION_JSON, "csv",
			MediaType.valueOf("text/csv;charset=UTF-8"), "atom", MediaType.valueOf("application/atom+xml"), "txt",
			MediaType.valueOf("text/plain;charset=UTF-8"), "pem", MediaType.valueOf("application/x-pem-file"), "sig",
			MediaType.APPLICATION_OCTET_STREAM);

	/**
	 * A built site: the snapshot it is of, the registry's log position when it was built
	 * and when.
	 */
	private record Built(String snapshot, long position, java.time.Instant at, SortedMap<String, byte[]> files) {
	}

	/**
	 * How soon after a change in the records the site is built again
	 * ({@code khronika.publish.public-rebuild-seconds}, 60): soon enough that consent
	 * withdrawn since the snapshot takes effect here too, not so often that visitors can
	 * make the server rebuild it at every request.
	 */
	private final java.time.Duration rebuiltAfter;

	private final Snapshots snapshots;

	private final Site site;

	private final AtomicReference<Built> built = new AtomicReference<>();

	private final org.khronika.registry.Facts facts;

	private final java.time.Clock clock;

	PublicSite(Snapshots snapshots, Site site, org.khronika.registry.Facts facts, java.time.Clock clock,
			@org.springframework.beans.factory.annotation.Value("${khronika.publish.public-rebuild-seconds:60}") long rebuildSeconds) {
		this.rebuiltAfter = java.time.Duration.ofSeconds(rebuildSeconds);
		this.snapshots = snapshots;
		this.site = site;
		this.facts = facts;
		this.clock = clock;
	}

	@GetMapping("/public")
	String root() {
		return "redirect:/public/";
	}

	@GetMapping("/public/**")
	ResponseEntity<byte[]> file(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length() + "/public/".length());
		if (path.isEmpty() || path.endsWith("/")) {
			path = path + "index.html";
		}
		Optional<Built> latest = latest();
		String wanted = path;
		byte[] bytes = latest.map(site -> site.files().get(wanted)).orElse(null);
		if (bytes == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.valueOf("text/plain;charset=UTF-8"))
				.body((latest.isEmpty() ? "Nothing has been published yet. · Пока ничего не опубликовано.\n"
						: "Not found. · Не найдено.\n")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		String extension = path.substring(path.lastIndexOf('.') + 1);
		return ResponseEntity.ok()
			.contentType(TYPES.getOrDefault(extension, MediaType.APPLICATION_OCTET_STREAM))
			.cacheControl(CacheControl.noCache())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	/**
	 * The latest snapshot's site: built once per snapshot, and again (at most once in
	 * {@link #rebuiltAfter}) after the records change, since a person who withdrew
	 * consent since the snapshot must not stay named here.
	 */
	private synchronized Optional<Built> latest() {
		Optional<Snapshots.Snapshot> latest = this.snapshots.latest();
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		Built current = this.built.get();
		long position = this.facts.position();
		java.time.Instant now = this.clock.instant();
		if (current == null || !current.snapshot().equals(latest.get().id())
				|| (current.position() != position && !current.at().plus(this.rebuiltAfter).isAfter(now))) {
			current = new Built(latest.get().id(), position, now, this.site.build(latest.get().id()));
			this.built.set(current);
		}
		return Optional.of(current);
	}

}
