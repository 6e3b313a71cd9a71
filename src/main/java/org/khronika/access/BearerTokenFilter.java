package org.khronika.access;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by {@code Authorization: Bearer <token>}; anything else
 * stays anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final Accounts accounts;

	BearerTokenFilter(ApiTokens tokens, Accounts accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			this.tokens.loginFor(header.substring(7).strip())
				.flatMap(login -> this.accounts.roleOf(login)
					.map(role -> new UsernamePasswordAuthenticationToken(login, null,
							List.of(new SimpleGrantedAuthority("ROLE_" + role.name())))))
				.ifPresent(authentication -> SecurityContextHolder.getContext().setAuthentication(authentication));
		}
		chain.doFilter(request, response);
	}

}
