package org.khronika.access;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.WebSession.Response;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.api.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in and staying logged in, over real HTTP: the second factor, throttling,
 * sessions that end, tokens that stop, and the hardened web around them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsIT {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		registry.add("khronika.access.logins-per-minute", () -> "1000");
		registry.add("khronika.access.api-requests-per-minute", () -> "50");
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Registry registry;

	/**
	 * Credentials written into the tables behind Khronika's back, the way one who can
	 * write the database but holds no key would take an account over: another account's
	 * password hash copied in, the authenticator deleted (so that the next login enrols a
	 * new one), a recovery code of one's own inserted. The audit trail's account entries
	 * say what Khronika set, so the deep check names each; changes made through Khronika
	 * (a new password, new recovery codes) are not named.
	 */
	@Test
	void credentialsWrittenIntoTheTablesBehindTheLogsBackAreNamed() {
		Staff victim = Staff.add(this.context, "taken-admin", Role.ADMIN);
		Staff.add(this.context, "known-editor", Role.EDITOR);
		AuditTrail audit = this.context.getBean(AuditTrail.class);
		SecondFactors factors = this.context.getBean(SecondFactors.class);
		this.accounts.changePassword(victim.login(), Staff.PASSWORD.toCharArray(),
				"a new invented password 7".toCharArray());
		assertThat(factors.regenerateRecoveryCodes(victim.login(), victim.nextCode())).isNotEmpty();
		assertThat(audit.accountDifferences()).as("changes made through Khronika")
			.noneMatch(difference -> difference.contains("taken-admin") || difference.contains("known-editor"));

		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
				this.context.getBean(javax.sql.DataSource.class));
		jdbc.update("UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE login = ?) "
				+ "WHERE login = ?", "known-editor", "taken-admin");
		jdbc.update("DELETE FROM second_factor WHERE login = ?", "taken-admin");
		jdbc.update("INSERT INTO recovery_code (code_hash, login) VALUES (?, ?)", Sha256.hex("aaaa-bbbb-cccc-dddd"),
				"known-editor");

		assertThat(audit.accountDifferences()).contains(
				"account taken-admin has a password in the table that no log entry set",
				"account taken-admin has no authenticator in the table, but the log enrolled one",
				"account known-editor has recovery codes in the table that are not those the log made");

		// the next login with the copied password enrols an authenticator of its own
		SecondFactors.Enrolment enrolment = factors.begin("taken-admin");
		assertThat(factors.confirm(enrolment, Staff.codeAt(Staff.secretOf(enrolment), java.time.Instant.now())))
			.isNotEmpty();
		assertThat(audit.accountDifferences()).contains(
				"account taken-admin has a password in the table that no log entry set",
				"account taken-admin enrolled an authenticator though the log never removed the one before: it was "
						+ "taken out of the table behind the log's back");
	}

	private String token(Staff staff) {
		return this.tokens.create(Staff.SETUP, staff.login(), staff.role(), "test", Duration.ofDays(1));
	}

	@Test
	void fiveWrongPasswordsInAMinuteSlowFurtherTriesOnThatAccountButTheOwnerStillGetsIn() {
		Staff anna = Staff.add(this.context, "slow-anna", Role.ANALYST);
		WebSession web = new WebSession(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(web.submitPassword("slow-anna", "wrong password " + i).header("Location"))
				.endsWith("/login?error");
		}

		long sixth = timed(() -> web.submitPassword("slow-anna", "wrong again"));
		long seventh = timed(() -> web.submitPassword("slow-anna", "and again"));
		long otherAccount = timed(() -> web.submitPassword("someone-else", "wrong"));

		assertThat(sixth).as("the sixth try waits a second").isGreaterThanOrEqualTo(1000);
		assertThat(seventh).as("the seventh two").isGreaterThanOrEqualTo(2000);
		assertThat(otherAccount).as("other accounts are not slowed").isLessThan(1000);
		Response right = web.submitPassword(anna.login(), Staff.PASSWORD);
		assertThat(right.header("Location")).as("no lockout: the right password works").doesNotContain("error");
	}

	@Test
	void anUnknownLoginGetsTheSameAnswerAsAWrongPassword() {
		Staff.add(this.context, "same-answer", Role.ANALYST);
		Response unknown = new WebSession(this.port).submitPassword("no-such-person", "whatever password");
		Response wrong = new WebSession(this.port).submitPassword("same-answer", "whatever password");
		this.accounts.disable(Staff.SETUP, "same-answer");
		Response disabled = new WebSession(this.port).submitPassword("same-answer", Staff.PASSWORD);

		for (Response response : List.of(unknown, wrong, disabled)) {
			assertThat(response.status()).isEqualTo(302);
			assertThat(response.header("Location")).endsWith("/login?error");
			assertThat(response.body()).isEqualTo(wrong.body());
		}
	}

	@Test
	void totpCodesAreCheckedOneStepEitherSideAndNeverAcceptedTwice() {
		Staff editor = Staff.add(this.context, "totp-editor", Role.EDITOR);
		Instant now = wellInsideAStep();
		WebSession web = new WebSession(this.port);

		assertThat(web.submitPassword(editor.login(), Staff.PASSWORD).header("Location")).endsWith("/login/code");
		web.get("/login/code");
		assertThat(web.get("/persons").header("Location")).as("the password alone opens nothing")
			.endsWith("/login/code");
		Response tooEarly = web.post("/login/code", Map.of("code", List.of(editor.codeAt(now.plusSeconds(60)))));
		Response usedAtEnrolment = web.post("/login/code",
				Map.of("code", List.of(editor.codeAt(now.minusSeconds(30)))));
		String next = editor.codeAt(now.plusSeconds(30));
		Response accepted = web.post("/login/code", Map.of("code", List.of(next)));

		assertThat(tooEarly.status()).isEqualTo(401);
		assertThat(tooEarly.text()).contains("Код неверен или уже использован");
		assertThat(usedAtEnrolment.status()).isEqualTo(401);
		assertThat(accepted.status()).isEqualTo(302);
		assertThat(web.get("/persons").status()).isEqualTo(200);

		WebSession again = new WebSession(this.port);
		again.submitPassword(editor.login(), Staff.PASSWORD);
		again.get("/login/code");
		assertThat(again.post("/login/code", Map.of("code", List.of(next))).status()).as("the same code twice")
			.isEqualTo(401);
	}

	@Test
	void anAuthenticatorChangedInTheTableRefusesItsCodesLikeWrongOnesAndARecoveryCodeStillLogsIn() {
		Staff editor = Staff.add(this.context, "spoilt-totp-editor", Role.EDITOR);
		org.springframework.jdbc.core.JdbcTemplate jdbc = this.context
			.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
		byte[] sealed = jdbc.queryForObject("SELECT sealed FROM second_factor WHERE login = ?", byte[].class,
				editor.login());
		sealed[sealed.length - 1] ^= 1;
		jdbc.update("UPDATE second_factor SET sealed = ? WHERE login = ?", sealed, editor.login());
		WebSession web = new WebSession(this.port);
		web.submitPassword(editor.login(), Staff.PASSWORD);
		web.get("/login/code");

		Response refused = web.post("/login/code", Map.of("code", List.of(editor.nextCode())));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.text()).contains("Код неверен или уже использован");
		assertThat(web.post("/login/code", Map.of("code", List.of(editor.recoveryCode()))).status())
			.as("the way in an owner has left")
			.isEqualTo(302);
		assertThat(web.get("/persons").status()).isEqualTo(200);
	}

	@Test
	void aRecoveryCodeWorksOnce() {
		Staff lawyer = Staff.add(this.context, "recovering-lawyer", Role.LAWYER);
		String code = lawyer.recoveryCode();

		WebSession first = new WebSession(this.port);
		first.submitPassword(lawyer.login(), Staff.PASSWORD);
		first.get("/login/code");
		assertThat(first.post("/login/code", Map.of("code", List.of(code.toUpperCase()))).status()).isEqualTo(302);
		assertThat(first.get("/").status()).isEqualTo(200);

		WebSession second = new WebSession(this.port);
		second.submitPassword(lawyer.login(), Staff.PASSWORD);
		second.get("/login/code");
		assertThat(second.post("/login/code", Map.of("code", List.of(code))).status()).isEqualTo(401);
	}

	@Test
	void recoveryCodesAreShownOnePerLineDownloadedAsTextAndRegeneratedWithASecondFactorCode() {
		Staff lawyer = Staff.add(this.context, "regenerating-lawyer", Role.LAWYER);
		String oldCode = lawyer.recoveryCode();
		WebSession web = new WebSession(this.port).login(lawyer);
		assertThat(web.get("/account").text()).contains("Новые коды восстановления");

		Response wrong = web.post("/account/recovery-codes", Map.of("code", List.of("000000")));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.text()).contains("новые коды не созданы");
		Response fresh = web.post("/account/recovery-codes", Map.of("code", List.of(lawyer.nextCode())));

		assertThat(fresh.status()).isEqualTo(200);
		List<String> codes = java.util.regex.Pattern.compile("<li><code>([a-z2-7-]+)</code></li>")
			.matcher(fresh.body())
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(codes).as("one code to a line").hasSize(SecondFactors.RECOVERY_CODES).doesNotHaveDuplicates();
		Response file = web.post("/account/recovery-codes.txt", Map.of("codes", codes));
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).startsWith("text/plain");
		assertThat(file.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"khronika-recovery-codes.txt\"");
		assertThat(file.body().lines().toList()).containsSubsequence(codes);
		assertThat(web.post("/account/recovery-codes.txt", Map.of("codes", List.of(oldCode))).status())
			.as("only the account's unspent codes are given back")
			.isEqualTo(404);

		WebSession withOld = new WebSession(this.port);
		withOld.submitPassword(lawyer.login(), Staff.PASSWORD);
		withOld.get("/login/code");
		assertThat(withOld.post("/login/code", Map.of("code", List.of(oldCode))).status()).as("the old codes end")
			.isEqualTo(401);
		assertThat(withOld.post("/login/code", Map.of("code", List.of(codes.get(0)))).status()).isEqualTo(302);
	}

	@Test
	void wrongCodesForNewRecoveryCodesSlowFurtherTriesAsAtLogin() {
		Staff editor = Staff.add(this.context, "guessing-session", Role.EDITOR);
		WebSession stolen = new WebSession(this.port).login(editor);
		for (int i = 0; i < 5; i++) {
			assertThat(stolen.post("/account/recovery-codes", Map.of("code", List.of("00000" + i))).status())
				.isEqualTo(422);
		}

		long sixth = timed(() -> stolen.post("/account/recovery-codes", Map.of("code", List.of("000009"))));

		assertThat(sixth).as("the sixth wrong code waits a second").isGreaterThanOrEqualTo(1000);
	}

	@Test
	void theAccountPageListsTheAccountsSessionsAndEndsAnotherAtOnce() {
		Staff editor = Staff.add(this.context, "two-devices", Role.EDITOR);
		WebSession phone = new WebSession(this.port).login(editor);
		WebSession laptop = new WebSession(this.port).login(editor);

		Response page = laptop.get("/account");
		List<String> others = java.util.regex.Pattern.compile("name=\"session\" value=\"([0-9a-f-]{36})\"")
			.matcher(page.body())
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(page.text()).contains("Сеансы", "Этот сеанс");
		assertThat(others).as("the phone's session, which this one may end").hasSize(1);
		assertThat(page.body()).as("named by handles, never by the ids that open them")
			.doesNotContain(phone.sessionCookie(), laptop.sessionCookie());
		assertThat(phone.get("/persons").status()).isEqualTo(200);

		WebSession stranger = new WebSession(this.port).login(Staff.add(this.context, "stranger", Role.EDITOR));
		Response notTheirs = stranger.post("/account/sessions/end", Map.of("session", others));
		assertThat(notTheirs.header("Location")).endsWith("/account");
		assertThat(stranger.get("/account").text()).as("another account's session is not among theirs")
			.contains("Этот сеанс уже завершён");
		assertThat(phone.get("/persons").status()).as("and is not ended").isEqualTo(200);

		assertThat(laptop.post("/account/sessions/end", Map.of("session", others)).status()).isEqualTo(302);
		assertThat(phone.get("/persons").header("Location")).as("ended at once").endsWith("/login");
		assertThat(laptop.get("/persons").status()).isEqualTo(200);
		assertThat(laptop.get("/account").body()).doesNotContain(others.get(0));
		assertThat(laptop.post("/account/sessions/end", Map.of("session", others)).header("Location"))
			.as("ended a second time, from a page shown before")
			.endsWith("/account");
		assertThat(laptop.get("/account").text()).contains("Этот сеанс уже завершён")
			.doesNotContain("Сеанс завершён: тому");
	}

	@Test
	void theFirstLoginOfARoleThatSeesIdentifyingDataSetsUpTheSecondFactor() {
		this.accounts.add(Staff.SETUP, "new-operator", Staff.PASSWORD.toCharArray(), Role.OPERATOR, true);
		WebSession web = new WebSession(this.port);

		assertThat(web.submitPassword("new-operator", Staff.PASSWORD).header("Location")).endsWith("/login/enrol");
		Response enrol = web.get("/login/enrol");
		assertThat(enrol.body()).contains("<svg", "class=\"qr\"");
		String key = enrol.body().replaceAll("(?s).*<code class=\"secret\">([A-Z2-7 ]+)</code>.*", "$1");
		byte[] secret = Staff.base32(key);
		Response done = web.post("/login/enrol", Map.of("code", List.of(Staff.codeAt(secret, Instant.now()))));

		assertThat(done.status()).isEqualTo(200);
		assertThat(done.text()).contains("Ваши резервные коды");
		assertThat(done.body().split("<code>", -1)).hasSize(SecondFactors.RECOVERY_CODES + 1);
		assertThat(web.get("/incidents").status()).isEqualTo(200);
	}

	@Test
	void aPasswordAloneCannotSetUpANewAuthenticatorOverTheOneEnrolled() {
		Staff editor = Staff.add(this.context, "stolen-password", Role.EDITOR);
		WebSession attacker = new WebSession(this.port);
		attacker.submitPassword(editor.login(), Staff.PASSWORD);

		assertThat(attacker.get("/login/enrol").status()).isEqualTo(403);
		attacker.get("/login/code");
		Response forced = attacker.post("/login/enrol", Map.of("code", List.of("123456")));
		assertThat(forced.status()).isIn(302, 403);
		assertThat(attacker.get("/persons").header("Location")).endsWith("/login/code");
	}

	@Test
	void anAccountGivenARoleThatSeesIdentifyingDataMustLogInAgainWithASecondFactor() {
		Staff analyst = Staff.add(this.context, "promoted-analyst", Role.ANALYST);
		WebSession web = new WebSession(this.port).login(analyst);
		assertThat(web.get("/persons").status()).isEqualTo(200);

		this.accounts.setRole(Staff.SETUP, analyst.login(), Role.EDITOR);

		assertThat(web.get("/persons").header("Location")).endsWith("/login?expired");
		assertThat(new WebSession(this.port).submitPassword(analyst.login(), Staff.PASSWORD).header("Location"))
			.endsWith("/login/enrol");
	}

	@Test
	void afterLogoutTheOldSessionCookieOpensNothing() {
		Staff editor = Staff.add(this.context, "logout-editor", Role.EDITOR);
		WebSession web = new WebSession(this.port).login(editor);
		String cookie = web.sessionCookie();
		assertThat(new WebSession(this.port).getWithSession("/persons", cookie).status()).isEqualTo(200);

		web.get("/");
		web.post("/logout", Map.of());

		Response replayed = new WebSession(this.port).getWithSession("/persons", cookie);
		assertThat(replayed.status()).isEqualTo(302);
		assertThat(replayed.header("Location")).endsWith("/login");
	}

	@Test
	void disablingAnAccountEndsItsSessionsAndTokensAtOnce() {
		Staff editor = Staff.add(this.context, "leaving-editor", Role.EDITOR);
		WebSession web = new WebSession(this.port).login(editor);
		ApiClient api = new ApiClient(this.port, token(editor));
		assertThat(api.get("/persons").status()).isEqualTo(200);

		this.accounts.disable(Staff.SETUP, editor.login());

		assertThat(web.get("/persons").header("Location")).endsWith("/login?expired");
		assertThat(api.get("/persons").status()).isEqualTo(401);
	}

	@Test
	void changingThePasswordEndsEveryOtherSessionAndEveryToken() {
		Staff editor = Staff.add(this.context, "careful-editor", Role.EDITOR);
		WebSession here = new WebSession(this.port).login(editor);
		WebSession elsewhere = new WebSession(this.port).login(editor);
		ApiClient api = new ApiClient(this.port, token(editor));

		here.get("/account");
		Response changed = here.post("/account/password", Map.of("current", List.of(Staff.PASSWORD), "next",
				List.of("a brand new long password"), "repeated", List.of("a brand new long password")));

		assertThat(changed.status()).isEqualTo(302);
		assertThat(here.get("/persons").status()).as("the session that changed it stays").isEqualTo(200);
		assertThat(elsewhere.get("/persons").header("Location")).endsWith("/login?expired");
		assertThat(api.get("/persons").status()).isEqualTo(401);
		here.get("/account");
		Response wrongCurrent = here.post("/account/password", Map.of("current", List.of("not my password"), "next",
				List.of("another long password"), "repeated", List.of("another long password")));
		assertThat(wrongCurrent.status()).isEqualTo(422);
		assertThat(wrongCurrent.text()).contains("Текущий пароль неверен.");
		assertThat(wrongCurrent.body()).as("said beside the form it refuses, below the page's top, its field marked")
			.containsPattern("<h2>Смена пароля</h2>\\s*<p class=\"error\" role=\"alert\" id=\"account-problem\">"
					+ "Текущий пароль неверен.</p>")
			.containsPattern("<input id=\"current\"[^>]*aria-invalid=\"true\"[^>]*autofocus")
			.doesNotContainPattern("<input id=\"next\"[^>]*aria-invalid")
			.as("the template's own attribute is not sent")
			.doesNotContain("kh:problem");
	}

	@Test
	void loggingOutEverywhereEndsEverySessionAndToken() {
		Staff lawyer = Staff.add(this.context, "everywhere-lawyer", Role.LAWYER);
		WebSession phone = new WebSession(this.port).login(lawyer);
		WebSession laptop = new WebSession(this.port).login(lawyer);
		ApiClient api = new ApiClient(this.port, token(lawyer));

		laptop.get("/account");
		assertThat(laptop.post("/account/logout-everywhere", Map.of()).header("Location")).endsWith("/login?logout");

		assertThat(phone.get("/cases").header("Location")).endsWith("/login?expired");
		assertThat(laptop.get("/cases").header("Location")).endsWith("/login");
		assertThat(api.get("/cases").status()).isEqualTo(401);
	}

	@Test
	void tokensAreListedRevocableAndExpireAndShownOnlyOnce() {
		Staff editor = Staff.add(this.context, "token-editor", Role.EDITOR);
		WebSession web = new WebSession(this.port).login(editor);
		web.get("/account");
		Response created = web.post("/account/tokens",
				Map.of("label", List.of("отчёты"), "role", List.of("analyst"), "days", List.of("30")));
		String token = created.body().replaceAll("(?s).*(kht_[A-Za-z0-9_-]{43}).*", "$1");
		ApiClient api = new ApiClient(this.port, token);

		assertThat(api.get("/persons").status()).isEqualTo(200);
		assertThat(api.post("/persons", Map.of("names", List.of("Кто-то"))).status()).as("it acts as an analyst")
			.isEqualTo(403);
		ApiTokens.TokenInfo info = this.tokens.list(editor.actor(), editor.login()).get(0);
		assertThat(info.role()).isEqualTo(Role.ANALYST);
		assertThat(Duration.between(info.createdAt(), info.expiresAt())).isEqualTo(Duration.ofDays(30));
		assertThat(web.get("/account").body()).as("listed, never shown again")
			.contains(info.id(), "отчёты")
			.doesNotContain(token);
		Response tooMuch = web.post("/account/tokens",
				Map.of("label", List.of("ночные выгрузки"), "role", List.of("admin"), "days", List.of("30")));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.body()).as("what was asked for stays in the form, the field at fault marked")
			.contains("value=\"ночные выгрузки\"", "value=\"30\"")
			.containsPattern("<select id=\"role\" name=\"role\" aria-invalid=\"true\"");
		Response escape = web.post("/account/tokens",
				Map.of("label", List.of("bot\u001b[2J"), "role", List.of("analyst"), "days", List.of("30")));
		assertThat(escape.status()).as("a label that would drive an administrator's terminal").isEqualTo(422);
		assertThat(escape.text()).contains("не может содержать невидимые управляющие символы");
		assertThat(this.tokens.list(editor.actor(), editor.login())).hasSize(1);

		assertThat(web.get("/account").body()).as("revoking starts with a page that says what it does")
			.contains("href=\"/account/tokens/" + info.id() + "/revoke\"")
			.doesNotContain("action=\"/account/tokens/" + info.id() + "/revoke\"");
		Response confirm = web.get("/account/tokens/" + info.id() + "/revoke");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("отчёты", "action=\"/account/tokens/" + info.id() + "/revoke\"");
		assertThat(api.get("/persons").status()).as("asking changes nothing").isEqualTo(200);
		assertThat(web.post("/account/tokens/" + info.id() + "/revoke", Map.of()).status()).isEqualTo(302);
		assertThat(web.get("/account").text()).contains("Токен отозван.");
		assertThat(api.get("/persons").status()).isEqualTo(401);
		Response again = web.get("/account/tokens/" + info.id() + "/revoke");
		assertThat(again.status()).as("a revoked token is not offered again").isEqualTo(302);
		assertThat(web.get("/account").text()).contains("Этот токен уже не действует: он отозван раньше или истёк.");
		assertThat(web.post("/account/tokens/" + info.id() + "/revoke", Map.of()).status())
			.as("revoked twice, from a page shown before")
			.isEqualTo(302);
		assertThat(web.get("/account").text()).contains("Этот токен уже не действует");
		assertThat(web.get("/account/tokens/000000000000/revoke").status()).as("no token of yours").isEqualTo(404);
	}

	@Test
	void disablingAnAccountOrResettingItsSecondFactorIsDoneFromAPageThatSaysWhatWillHappen() {
		Staff admin = Staff.add(this.context, "confirm-admin", Role.ADMIN);
		Staff editor = Staff.add(this.context, "confirm-editor", Role.EDITOR);
		WebSession web = new WebSession(this.port).login(admin);
		WebSession editorsSession = new WebSession(this.port).login(editor);

		assertThat(web.get("/admin/users").body()).contains("href=\"/admin/users/confirm-editor/disable\"",
				"href=\"/admin/users/confirm-editor/second-factor/reset\"");
		Response disable = web.get("/admin/users/confirm-editor/disable");
		assertThat(disable.status()).isEqualTo(200);
		assertThat(disable.body()).contains("confirm-editor", "action=\"/admin/users/confirm-editor/disable\"",
				"href=\"/admin/users\"");
		assertThat(editorsSession.get("/cases").status()).as("asking changes nothing").isEqualTo(200);
		Response reset = web.get("/admin/users/confirm-editor/second-factor/reset");
		assertThat(reset.body()).contains("action=\"/admin/users/confirm-editor/second-factor/reset\"");
		assertThat(web.get("/admin/users/nobody-here/disable").status()).isEqualTo(404);

		assertThat(web.post("/admin/users/confirm-editor/disable", Map.of()).status()).isEqualTo(302);
		assertThat(editorsSession.get("/cases").header("Location")).contains("/login");
	}

	@Test
	void aNewAccountIsOfferedTheLeastPrivilegedRoleAndAFailedAddKeepsTheRoleChosen() {
		Staff admin = Staff.add(this.context, "roles-admin", Role.ADMIN);
		WebSession web = new WebSession(this.port).login(admin);

		String blank = web.get("/admin/users").body();
		assertThat(selectedNewRole(blank)).isEqualTo(Role.LEAST_PRIVILEGED.code()).isEqualTo("analyst");

		Response refused = web.post("/admin/users", Map.of("login", List.of("Not A Login"), "password",
				List.of("a long enough password"), "role", List.of("editor")));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(selectedNewRole(refused.body())).isEqualTo("editor");
		String form = refused.body().substring(refused.body().indexOf("<h2"));
		assertThat(form).as("said beside the form, below every account, and the field at fault marked and focused")
			.contains("id=\"add-problem\"", "Логин — от 2 до 64 символов")
			.containsPattern("<input id=\"login\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"add-problem\""
					+ "[^>]*autofocus")
			.doesNotContainPattern("<input id=\"password\"[^>]*aria-invalid");
		Response noRole = web.post("/admin/users", Map.of("login", List.of("roleless-clerk"), "password",
				List.of("a long enough password"), "role", List.of("")));
		assertThat(noRole.body()).containsPattern("<select id=\"role\" name=\"role\"\\s+aria-invalid=\"true\"");
	}

	/** The role selected in the form that adds an account. */
	private static String selectedNewRole(String page) {
		String select = page.substring(page.indexOf("<select id=\"role\""));
		select = select.substring(0, select.indexOf("</select>"));
		java.util.regex.Matcher selected = java.util.regex.Pattern.compile("<option value=\"([a-z]+)\"[^>]*selected")
			.matcher(select);
		assertThat(selected.find()).as("an option is selected").isTrue();
		return selected.group(1);
	}

	@Test
	void everyAnswerCarriesTheSecurityHeadersAndNoVersionBanner() {
		Staff admin = Staff.add(this.context, "headers-admin", Role.ADMIN);
		WebSession web = new WebSession(this.port).login(admin);
		WebSession anonymous = new WebSession(this.port);
		List<Response> answers = List.of(anonymous.get("/login"), anonymous.get("/persons"), web.get("/"),
				web.get("/persons"), web.get("/account"), web.get("/admin/users"), web.get("/no-such-page"),
				web.get("/persons/00000000-0000-4000-8000-000000000000"), web.get("/css/khronika.css"),
				anonymous.get("/api/v1/persons"));
		for (Response answer : answers) {
			assertThat(answer.header("Content-Security-Policy"))
				.contains("default-src 'none'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(answer.header("Permissions-Policy")).contains("camera=()");
			assertThat(answer.header("Server")).isNull();
			assertThat(answer.header("X-Powered-By")).isNull();
			assertThat(answer.body()).doesNotContain("Tomcat", "Exception", "at org.");
		}
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefusedAndSavesNothing() {
		Staff editor = Staff.add(this.context, "csrf-editor", Role.EDITOR);
		WebSession web = new WebSession(this.port).login(editor);
		long before = this.registry.count(Staff.SETUP, RecordKind.SOURCE);

		Response forged = web.postWithoutCsrf("/sources", Map.of("kind", List.of("media"), "reference",
				List.of("https://example.org/f"), "reliability", List.of("B2")));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.registry.count(Staff.SETUP, RecordKind.SOURCE)).isEqualTo(before);
	}

	@Test
	void theSessionCookieIsHttpOnlySameSiteStrictAndSecureBehindTls() {
		Response behindProxy = new WebSession(this.port).get("/login", Map.of("X-Forwarded-Proto", "https"));
		String cookie = behindProxy.headers()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(e -> e.getValue().stream())
			.filter(c -> c.startsWith("JSESSIONID"))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Secure");
	}

	@Test
	void oversizedRequestsAndApiFloodsAreRefused() {
		Staff editor = Staff.add(this.context, "flood-editor", Role.EDITOR);
		ApiClient api = new ApiClient(this.port, token(editor));

		ApiClient.Answer huge = api.postRaw("/persons", "{\"names\": [\"" + "x".repeat(2 * 1024 * 1024) + "\"]}");
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.json()).containsEntry("code", "too_large");

		int refused = 0;
		for (int i = 0; i < 120; i++) {
			if (api.get("/sources").status() == 429) {
				refused++;
			}
		}
		assertThat(refused).as("at most 50 API requests a minute").isGreaterThan(0);
	}

	private static long timed(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * Now, once at least 15 seconds of the current 30-second step are left: the codes of
	 * the steps either side are chosen relative to it, and a step ending during the login
	 * (a password hash takes its time) would shift the window they are checked against.
	 */
	private static Instant wellInsideAStep() {
		Instant now = Instant.now();
		long left = Totp.STEP_SECONDS - Math.floorMod(now.getEpochSecond(), Totp.STEP_SECONDS);
		if (left < 15) {
			try {
				Thread.sleep(left * 1000 + 200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			now = Instant.now();
		}
		return now;
	}

}
