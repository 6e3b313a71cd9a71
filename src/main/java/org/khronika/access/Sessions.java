package org.khronika.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Logging in, step by step, and the life of a session. After the password a user whose
 * role sees identifying data holds only a pending session that opens the second-factor
 * pages; the full session (a new id, the account's role, the account's session epoch and
 * start time) begins when the code is right. Every step is audited and throttled.
 */
public class Sessions {

	/** The authority of a session that has passed the password but not the code. */
	public static final String PENDING = "ROLE_PENDING_FACTOR";

	static final String EPOCH = "khronika.session-epoch";

	static final String STARTED = "khronika.session-started";

	/** Set when the session passed a second factor. */
	static final String SECOND_FACTOR = "khronika.second-factor";

	/** Whose session it is. */
	static final String LOGIN = "khronika.login";

	/**
	 * What the account page calls the session: random, never its id, which would open it.
	 */
	static final String HANDLE = "khronika.session-handle";

	/** One of an account's sessions as its account page lists it. */
	public record SessionView(String handle, Instant started, Instant lastUsed, boolean current) {
	}

	private final Accounts accounts;

	private final AccessPolicy policy;

	private final SecondFactors factors;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	private final SecurityContextRepository contexts;

	private final ActiveSessions active;

	private final Clock clock;

	private final Duration lifetime;

	Sessions(Accounts accounts, AccessPolicy policy, SecondFactors factors, AuditTrail audit, LoginThrottle throttle,
			SecurityContextRepository contexts, ActiveSessions active, Clock clock, Duration lifetime) {
		this.accounts = accounts;
		this.policy = policy;
		this.factors = factors;
		this.audit = audit;
		this.throttle = throttle;
		this.contexts = contexts;
		this.active = active;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/** Where a user goes once their password was right: the code, enrolment, or home. */
	String afterPassword(HttpServletRequest request, HttpServletResponse response, String login) {
		Account account = this.accounts.find(login).orElseThrow();
		boolean enrolled = this.factors.isEnrolled(login);
		if (enrolled || this.policy.requiresSecondFactor(account.role())) {
			save(request, response,
					new UsernamePasswordAuthenticationToken(login, null, List.of(new SimpleGrantedAuthority(PENDING))));
			return enrolled ? "/login/code" : "/login/enrol";
		}
		complete(request, response, login, "password");
		return "/";
	}

	/** The login of a session waiting for its second factor, if this is one. */
	public Optional<String> pendingLogin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> PENDING.equals(a.getAuthority()))) {
			return Optional.of(authentication.getName());
		}
		return Optional.empty();
	}

	/**
	 * Checks a TOTP code or, if {@code code} looks like one, a recovery code for the
	 * pending session; on success the full session begins. Waits first if the login is
	 * being throttled.
	 * @return whether the login is complete
	 */
	public boolean submitCode(HttpServletRequest request, HttpServletResponse response, String code) {
		String login = pendingLogin().orElseThrow(AccessRefused::new);
		waitFor(login);
		boolean recovery = code != null && code.replaceAll("[\\s-]", "").length() > Totp.DIGITS;
		boolean right = recovery ? this.factors.useRecoveryCode(login, code) : this.factors.verify(login, code);
		String step = recovery ? "recovery-code" : "code";
		if (!right) {
			this.throttle.failed(login);
			this.audit.login(login, false, step);
			return false;
		}
		complete(request, response, login, step);
		return true;
	}

	/**
	 * Starts an enrolment for the pending session.
	 * @throws AccessRefused if the account has an authenticator already: a password alone
	 * must never replace it
	 */
	public SecondFactors.Enrolment beginEnrolment() {
		return this.factors.begin(unenrolledPendingLogin());
	}

	private String unenrolledPendingLogin() {
		String login = pendingLogin().orElseThrow(AccessRefused::new);
		if (this.factors.isEnrolled(login)) {
			throw new AccessRefused();
		}
		return login;
	}

	/**
	 * Finishes an enrolment with a code from the new authenticator: the full session
	 * begins and the recovery codes come back (empty if the code was wrong).
	 */
	public List<String> confirmEnrolment(HttpServletRequest request, HttpServletResponse response,
			SecondFactors.Enrolment enrolment, String code) {
		String login = unenrolledPendingLogin();
		if (!login.equals(enrolment.login())) {
			throw new AccessRefused();
		}
		waitFor(login);
		List<String> codes = this.factors.confirm(enrolment, code);
		if (codes.isEmpty()) {
			this.throttle.failed(login);
			this.audit.login(login, false, "enrolment-code");
			return codes;
		}
		complete(request, response, login, "enrolment-code");
		return codes;
	}

	private void complete(HttpServletRequest request, HttpServletResponse response, String login, String step) {
		Account account = this.accounts.find(login).filter(Account::enabled).orElseThrow(AccessRefused::new);
		request.changeSessionId();
		HttpSession session = request.getSession();
		session.setAttribute(EPOCH, account.sessionEpoch());
		session.setAttribute(STARTED, this.clock.instant());
		session.setAttribute(SECOND_FACTOR, !"password".equals(step));
		session.setAttribute(LOGIN, login);
		session.setAttribute(HANDLE, java.util.UUID.randomUUID().toString());
		this.active.add(session);
		save(request, response, authentication(login, account.role()));
		this.throttle.succeeded(login);
		this.audit.login(login, true, step);
	}

	/**
	 * After a password change in this session: it stays, under a new id and the new
	 * epoch; every other session of the account is over.
	 */
	public void passwordChanged(HttpServletRequest request, int epoch) {
		request.changeSessionId();
		request.getSession().setAttribute(EPOCH, epoch);
	}

	/** Ends every session and token of the actor, this session included. */
	public void endEverywhere(HttpServletRequest request, Actor actor) {
		this.accounts.endSessions(actor.login());
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

	/**
	 * New recovery codes for {@code actor}'s account, given a second-factor code: as
	 * throttled as a login's code, so that a stolen session cannot try codes at speed.
	 * @return the codes, shown once; empty if the code was wrong
	 */
	public List<String> regenerateRecoveryCodes(Actor actor, String code) {
		waitFor(actor.login());
		List<String> codes = this.factors.regenerateRecoveryCodes(actor.login(), code);
		if (codes.isEmpty()) {
			this.throttle.failed(actor.login());
		}
		return codes;
	}

	/**
	 * The sessions of {@code actor}'s account that still stand, on this server (each
	 * server holds its own), the one of {@code request} first.
	 */
	public List<SessionView> list(HttpServletRequest request, Actor actor) {
		Optional<Account> account = this.accounts.find(actor.login());
		HttpSession own = request.getSession(false);
		List<SessionView> sessions = new java.util.ArrayList<>();
		for (HttpSession session : this.active.all()) {
			try {
				if (actor.login().equals(session.getAttribute(LOGIN)) && stands(session, account)) {
					sessions.add(new SessionView((String) session.getAttribute(HANDLE),
							(Instant) session.getAttribute(STARTED),
							Instant.ofEpochMilli(session.getLastAccessedTime()),
							own != null && own.getId().equals(session.getId())));
				}
			}
			catch (IllegalStateException ex) {
				// invalidated meanwhile: it is over
			}
		}
		sessions.sort(java.util.Comparator.comparing(SessionView::current)
			.reversed()
			.thenComparing(SessionView::lastUsed, java.util.Comparator.reverseOrder()));
		return sessions;
	}

	/**
	 * Ends the session of {@code actor}'s account that the account page calls
	 * {@code handle}, at once (audited).
	 * @return whether there was such a session
	 */
	public boolean end(Actor actor, String handle) {
		for (HttpSession session : this.active.all()) {
			try {
				if (actor.login().equals(session.getAttribute(LOGIN)) && handle.equals(session.getAttribute(HANDLE))) {
					session.invalidate();
					this.audit.account(actor.login(), "session-ended", actor.login(), null);
					return true;
				}
			}
			catch (IllegalStateException ex) {
				// invalidated meanwhile
			}
		}
		return false;
	}

	/**
	 * Whether the session behind {@code authentication} still stands: its account
	 * enabled, no logout everywhere or password change since it began, younger than the
	 * lifetime. Returns the authentication with the account's current role, or empty if
	 * it is over.
	 */
	Optional<Authentication> current(HttpServletRequest request, Authentication authentication) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		Optional<Account> account = this.accounts.find(authentication.getName());
		if (!stands(session, account)) {
			return Optional.empty();
		}
		Role role = account.get().role();
		if (this.policy.requiresSecondFactor(role) && !Boolean.TRUE.equals(session.getAttribute(SECOND_FACTOR))) {
			// given a role that sees identifying data after logging in without a code
			return Optional.empty();
		}
		if (roleOf(authentication).filter(r -> r == role).isPresent()) {
			return Optional.of(authentication);
		}
		return Optional.of(authentication(authentication.getName(), role));
	}

	/**
	 * Whether {@code session} of {@code account} stands: the account enabled, no logout
	 * everywhere or password change since it began, younger than the lifetime.
	 */
	private boolean stands(HttpSession session, Optional<Account> account) {
		Object epoch = session.getAttribute(EPOCH);
		Object started = session.getAttribute(STARTED);
		return account.isPresent() && account.get().enabled() && epoch instanceof Integer
				&& (Integer) epoch == account.get().sessionEpoch() && started instanceof Instant
				&& !this.clock.instant().isAfter(((Instant) started).plus(this.lifetime));
	}

	void failedPassword(String login) {
		this.throttle.failed(login);
		this.audit.login(this.accounts.exists(login) ? login : null, false, "password");
	}

	void waitFor(String login) {
		Duration delay = this.throttle.delayFor(login);
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void save(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	static Authentication authentication(String login, Role role) {
		return UsernamePasswordAuthenticationToken.authenticated(login, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
	}

	/** The actor of the request being served, if someone (fully) logged in makes it. */
	public static Optional<Actor> currentActor() {
		return actorOf(
				org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * Whether someone logged in makes the request being served and the policy grants them
	 * {@code capability}: what a page's menu link is shown by.
	 */
	public static boolean currentActorMay(AccessPolicy policy, Capability capability) {
		return currentActor().map(actor -> policy.may(actor, capability).isGranted()).orElse(false);
	}

	/** The actor an authentication stands for, if it is a full one. */
	public static Optional<Actor> actorOf(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		return roleOf(authentication).map(role -> new Actor(authentication.getName(), role));
	}

	private static Optional<Role> roleOf(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a != null && a.startsWith("ROLE_"))
			.map(a -> a.substring(5).toLowerCase(Locale.ROOT))
			.map(Role::ofCode)
			.flatMap(Optional::stream)
			.findFirst();
	}

}
