package org.khronika.cli;

import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.access.Role;

import picocli.CommandLine.Option;

/**
 * Who a command acts as. Account administration acts as {@code cli}, an administrator:
 * whoever can run commands on the data directory holds its keys anyway. Commands that
 * show or change records act as a named account ({@code --as LOGIN}) with that account's
 * role, so that the audit trail names a person and the policy applies as on the web.
 */
class CommandLineActor {

	/** Account administration from the command line. */
	static final Actor CLI = new Actor("cli", Role.ADMIN);

	@Option(names = "--as", paramLabel = "LOGIN", required = true,
			description = "The account to act as: its role decides what the command may do, and the audit trail names it.")
	String login;

	/**
	 * The actor for {@code --as}.
	 * @throws Failures.CommandFailure if there is no enabled account with that login
	 */
	Actor resolve(Accounts accounts) {
		return accounts.roleOf(this.login)
			.map(role -> new Actor(this.login, role))
			.orElseThrow(() -> new Failures.CommandFailure("no enabled account '" + this.login + "' to act as"));
	}

}
