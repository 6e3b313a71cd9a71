package org.khronika.access;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.khronika.web.BadRequests;
import org.khronika.web.ProblemDocuments;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/** The small servlet filters of the security chains. */
final class RequestFilters {

	private static final Set<String> LOGIN_POSTS = Set.of("/login", "/login/code", "/login/enrol");

	private RequestFilters() {
	}

	/**
	 * Refuses request bodies over the limit (413): {@code maxUploadBytes} for the uploads
	 * (a table posted to the import page, a report with its files posted to the public
	 * form or the report API), {@code maxBytes} for everything else; uploads of unknown
	 * length (413), and API bodies of unknown length (411); the API's refusals are
	 * {@code problems}.
	 */
	static OncePerRequestFilter sizeLimit(long maxBytes, long maxUploadBytes, ProblemDocuments problems) {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				long length = request.getContentLengthLong();
				boolean upload = "POST".equals(request.getMethod())
						&& ("/imports".equals(path(request)) || "/api/v1/reports".equals(path(request))
								|| ("/report".equals(path(request)) && isMultipart(request)));
				if (length > (upload ? maxUploadBytes : maxBytes) || (upload && length < 0)) {
					refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "too_large", problems);
					return;
				}
				if (length < 0 && request.getHeader("Transfer-Encoding") != null && ProblemDocuments.isApi(request)) {
					refuse(request, response, HttpStatus.LENGTH_REQUIRED, "length_required", problems);
					return;
				}
				if (!readable(request)) {
					// a form that cannot be read whole (text that is not UTF-8, too many
					// fields): refused whole (400) before anything reads a field of it,
					// rather than with some of its fields dropped
					refuse(request, response, HttpStatus.BAD_REQUEST, "unreadable", problems);
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	/**
	 * Whether a posted form can be read whole. The public report form is left to say so
	 * itself, on its own page (it knows the language it is in).
	 */
	private static boolean readable(HttpServletRequest request) {
		String type = request.getContentType();
		if (!"POST".equals(request.getMethod()) || type == null || !type.startsWith("application/x-www-form-urlencoded")
				|| path(request).startsWith("/report")) {
			return true;
		}
		try {
			// read as the rest of the application reads it (Spring's encoding filter
			// comes later)
			if (request.getCharacterEncoding() == null) {
				request.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
			}
			request.getParameterMap();
			return true;
		}
		catch (RuntimeException | java.io.UnsupportedEncodingException ex) {
			BadRequests.unreadForm(request, ex);
			return false;
		}
	}

	/** At most so many login attempts (password, code) per client address per minute. */
	static OncePerRequestFilter loginRateLimit(RateLimiter limiter) {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod()) && LOGIN_POSTS.contains(path(request))
						&& !limiter.tryAcquire(request.getRemoteAddr())) {
					response.setHeader("Retry-After", String.valueOf(limiter.secondsToNextWindow()));
					response.sendError(429);
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	/** At most so many API requests per account (or client address) per minute. */
	static OncePerRequestFilter apiRateLimit(RateLimiter limiter, ProblemDocuments problems) {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				String key = (authentication != null && authentication.isAuthenticated())
						? "login:" + authentication.getName() : "address:" + request.getRemoteAddr();
				if (!limiter.tryAcquire(key)) {
					response.setHeader("Retry-After", String.valueOf(limiter.secondsToNextWindow()));
					problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	/**
	 * Ends a session that no longer stands (account disabled, logged out everywhere,
	 * password changed, older than its lifetime), and gives a standing one the account's
	 * current role.
	 */
	static OncePerRequestFilter sessionCheck(Sessions sessions, SecurityContextRepository contexts) {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (Sessions.actorOf(authentication).isPresent()) {
					Optional<Authentication> current = sessions.current(request, authentication);
					if (current.isEmpty()) {
						HttpSession session = request.getSession(false);
						if (session != null) {
							session.invalidate();
						}
						SecurityContextHolder.clearContext();
						response.sendRedirect(request.getContextPath() + "/login?expired");
						return;
					}
					else if (current.get() != authentication) {
						SecurityContext context = SecurityContextHolder.createEmptyContext();
						context.setAuthentication(current.get());
						SecurityContextHolder.setContext(context);
						contexts.saveContext(context, request, response);
					}
				}
				chain.doFilter(request, response);
			}
		};
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			ProblemDocuments problems) throws IOException {
		if (response.isCommitted()) {
			// the server refused it already while reading it (a chunked body that breaks
			// off): nothing more can be said
			return;
		}
		if (ProblemDocuments.isApi(request)) {
			problems.write(request, response, status, code);
		}
		else {
			response.sendError(status.value());
		}
	}

	private static boolean isMultipart(HttpServletRequest request) {
		return request.getContentType() != null && request.getContentType().startsWith("multipart/form-data");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
