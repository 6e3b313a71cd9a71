package org.khronika.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

	private final AccessPolicy policy = new AccessPolicy();

	private static RecordFacts record(RecordType type, String createdBy) {
		return new RecordFacts(type, createdBy, false, Set.of(), Set.of(), null);
	}

	private static Actor as(String login, Role role) {
		return new Actor(login, role);
	}

	@Test
	void theReadmeRoleTableIsThePolicy() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		String table = readme.substring(readme.indexOf("<!-- roles:begin -->") + "<!-- roles:begin -->".length(),
				readme.indexOf("<!-- roles:end -->"));
		assertThat(table.strip()).isEqualTo(this.policy.markdownTable());
	}

	@Test
	void aLawyerReadsOnlyTheCasesAssignedToThemTheirEventsAndTheirPersons() {
		Actor lawyer = as("lawyer-a", Role.LAWYER);
		RecordFacts assigned = new RecordFacts(RecordType.CASE, "editor", false, Set.of("lawyer-a"), Set.of("lawyer-a"),
				null);
		RecordFacts other = new RecordFacts(RecordType.CASE, "editor", false, Set.of("lawyer-b"), Set.of("lawyer-b"),
				null);

		assertThat(this.policy.mayRead(lawyer, assigned)).isTrue();
		assertThat(this.policy.mayRead(lawyer, other)).isFalse();
		assertThat(this.policy.mayRead(lawyer,
				new RecordFacts(RecordType.CASE_EVENT, "editor", false, Set.of(), Set.of("lawyer-a"), assigned)))
			.isTrue();
		assertThat(this.policy.mayRead(lawyer,
				new RecordFacts(RecordType.PERSON, "editor", false, Set.of(), Set.of("lawyer-a"), null)))
			.isTrue();
		assertThat(this.policy.mayRead(lawyer, record(RecordType.PERSON, "editor"))).isFalse();
		assertThat(this.policy.mayRead(lawyer, record(RecordType.INCIDENT, "editor"))).isFalse();
		assertThat(this.policy.mayCreate(lawyer, RecordType.CASE_EVENT).isGranted()).isTrue();
		assertThat(this.policy.mayCreate(lawyer, RecordType.PERSON).isGranted()).isFalse();
	}

	@Test
	void whoMayReadIsDecidedOnceAsAValue() {
		assertThat(this.policy.readRule(as("root", Role.ADMIN), RecordType.CASE_EVENT))
			.isEqualTo(new ReadRule.Everyone());
		assertThat(this.policy.readRule(as("analyst", Role.ANALYST), RecordType.PERSON))
			.isEqualTo(new ReadRule.AnyOf(List.of(new ReadRule.NamedOn("analyst"), new ReadRule.NotRestricted())));
		assertThat(this.policy.readRule(as("hotline-1", Role.OPERATOR), RecordType.INCIDENT))
			.isEqualTo(new ReadRule.AnyOf(List.of(new ReadRule.NamedOn("hotline-1"),
					new ReadRule.AllOf(List.of(new ReadRule.NotRestricted(), new ReadRule.CreatedBy("hotline-1"))))));
		ReadRule lawyerOnCases = new ReadRule.AnyOf(List.of(new ReadRule.NamedOn("lawyer-a"), new ReadRule.AllOf(
				List.of(new ReadRule.NotRestricted(), new ReadRule.AssignedThroughCase("lawyer-a")))));
		assertThat(this.policy.readRule(as("lawyer-a", Role.LAWYER), RecordType.CASE)).isEqualTo(lawyerOnCases);
		assertThat(this.policy.readRule(as("lawyer-a", Role.LAWYER), RecordType.CASE_EVENT))
			.isEqualTo(new ReadRule.AllOf(List.of(lawyerOnCases, new ReadRule.WithinEnclosing(lawyerOnCases))));
		assertThat(this.policy.readRule(as("lawyer-a", Role.LAWYER), RecordType.SOURCE))
			.as("named on a source, a lawyer sees it; otherwise never")
			.isEqualTo(new ReadRule.NamedOn("lawyer-a"));
	}

	@Test
	void anEventWhoseCaseIsUnknownIsReadOnlyByThoseWhoReadEverything() {
		RecordFacts orphan = new RecordFacts(RecordType.CASE_EVENT, "editor", false, Set.of(), Set.of(), null);

		assertThat(this.policy.mayRead(as("editor", Role.EDITOR), orphan)).isFalse();
		assertThat(this.policy.mayRead(as("root", Role.ADMIN), orphan)).isTrue();
	}

	@Test
	void anOperatorReadsAndEditsOnlyWhatTheyRecorded() {
		Actor operator = as("hotline-1", Role.OPERATOR);

		assertThat(this.policy.mayRead(operator, record(RecordType.INCIDENT, "hotline-1"))).isTrue();
		assertThat(this.policy.mayEdit(operator, record(RecordType.INCIDENT, "hotline-1")).isGranted()).isTrue();
		assertThat(this.policy.mayRead(operator, record(RecordType.INCIDENT, "editor"))).isFalse();
		assertThat(this.policy.mayEdit(operator, record(RecordType.INCIDENT, "editor")))
			.isEqualTo(Permission.denied("record.not_found"));
		assertThat(this.policy.mayCreate(operator, RecordType.INCIDENT).isGranted()).isTrue();
		assertThat(this.policy.mayCreate(operator, RecordType.CASE).isGranted()).isFalse();
	}

	@Test
	void aRestrictedRecordIsSeenOnlyByAdminsAndTheUsersNamedOnIt() {
		RecordFacts restricted = new RecordFacts(RecordType.PERSON, "editor", true, Set.of("editor-b"), Set.of(), null);

		assertThat(this.policy.mayRead(as("root", Role.ADMIN), restricted)).isTrue();
		assertThat(this.policy.mayRead(as("editor-b", Role.EDITOR), restricted)).isTrue();
		assertThat(this.policy.mayRead(as("editor", Role.EDITOR), restricted)).as("not even its creator").isFalse();
		assertThat(this.policy.mayRead(as("analyst", Role.ANALYST), restricted)).isFalse();
	}

	@Test
	void anEventIsVisibleOnlyWhereItsCaseIs() {
		RecordFacts hiddenCase = new RecordFacts(RecordType.CASE, "editor", true, Set.of(), Set.of(), null);
		RecordFacts event = new RecordFacts(RecordType.CASE_EVENT, "editor", false, Set.of(), Set.of(), hiddenCase);

		assertThat(this.policy.mayRead(as("editor", Role.EDITOR), event)).isFalse();
		assertThat(this.policy.mayRead(as("root", Role.ADMIN), event)).isTrue();
	}

	@Test
	void anAnalystSeesPublicFieldsOfEveryUnrestrictedRecordAndChangesNothing() {
		Actor analyst = as("analyst", Role.ANALYST);

		assertThat(this.policy.detail(Role.ANALYST)).isEqualTo(Detail.PUBLIC);
		assertThat(this.policy.mayRead(analyst, record(RecordType.PERSON, "editor"))).isTrue();
		for (RecordType type : RecordType.values()) {
			assertThat(this.policy.mayCreate(analyst, type).isGranted()).isFalse();
		}
		assertThat(this.policy.mayEdit(analyst, record(RecordType.INCIDENT, "analyst")).isGranted()).isFalse();
		assertThat(this.policy.may(analyst, Capability.READ_STATISTICS).isGranted()).isTrue();
	}

	@Test
	void everyRoleThatSeesIdentifyingDataNeedsASecondFactor() {
		for (Role role : Role.values()) {
			assertThat(this.policy.requiresSecondFactor(role)).as(role.code())
				.isEqualTo(this.policy.detail(role) == Detail.FULL);
		}
		assertThat(this.policy.requiresSecondFactor(Role.ANALYST)).isFalse();
	}

	@Test
	void onlyAdminsManageUsersReadTheAuditTrailAndShred() {
		for (Role role : Role.values()) {
			Actor actor = as("x", role);
			boolean admin = role == Role.ADMIN;
			assertThat(this.policy.may(actor, Capability.MANAGE_USERS).isGranted()).as(role.code()).isEqualTo(admin);
			assertThat(this.policy.may(actor, Capability.READ_AUDIT).isGranted()).as(role.code()).isEqualTo(admin);
			assertThat(this.policy.mayShred(actor, record(RecordType.PERSON, "x")).isGranted()).as(role.code())
				.isEqualTo(admin);
		}
	}

	@Test
	void aTokenActsInItsAccountsRoleOrAsAnAnalystForThoseWhoSeeEverything() {
		assertThat(this.policy.mayDelegate(Role.EDITOR, Role.EDITOR)).isTrue();
		assertThat(this.policy.mayDelegate(Role.EDITOR, Role.ANALYST)).isTrue();
		assertThat(this.policy.mayDelegate(Role.LAWYER, Role.ANALYST)).as("an analyst sees every record").isFalse();
		assertThat(this.policy.mayDelegate(Role.ANALYST, Role.EDITOR)).isFalse();
	}

}
