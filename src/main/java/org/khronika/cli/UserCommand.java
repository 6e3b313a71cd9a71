package org.khronika.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.khronika.access.Account;
import org.khronika.access.Accounts;
import org.khronika.access.Role;
import org.khronika.access.SecondFactors;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "user", description = "Manage staff accounts.",
		subcommands = { UserCommand.Add.class, UserCommand.Disable.class, UserCommand.Enable.class,
				UserCommand.SetRole.class, UserCommand.ResetSecondFactor.class, UserCommand.ListUsers.class })
class UserCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	static Role role(String code) {
		return Role.ofCode(code)
			.orElseThrow(() -> new Failures.CommandFailure("unknown role '" + code + "'; roles: " + Role.codes()));
	}

	@Command(name = "add", description = "Add an account (or, with --replace, reset its password and role). "
			+ "The password comes from KHRONIKA_NEW_PASSWORD, else a prompt.")
	static class Add implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--login", required = true,
				description = "Login: lower-case latin letters, digits, '.', '_', '-'. Prefer a pseudonym to a real name: "
						+ "logins are stored in clear in the log.")
		String login;

		@Option(names = "--role", required = true,
				description = "Role: admin, editor, lawyer, operator or analyst (see the README's role table).")
		String role;

		@Option(names = "--replace",
				description = "Reset the password and role of an existing account; " + "its sessions and tokens end.")
		boolean replace;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			Role parsed = role(this.role);
			Accounts.requireLogin(this.login);
			char[] password = Secrets.fromEnvironmentOrPrompt("KHRONIKA_NEW_PASSWORD", "Password for " + this.login);
			if (password == null) {
				throw new Failures.CommandFailure("set KHRONIKA_NEW_PASSWORD or run at a console to type the password");
			}
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				context.getBean(Accounts.class).add(CommandLineActor.CLI, this.login, password, parsed, this.replace);
			}
			finally {
				Arrays.fill(password, '\0');
			}
			this.spec.commandLine().getOut().println("Added " + this.login + " (" + parsed.code() + ")");
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

	/**
	 * A change to one account, named by {@code --login}, made as the command line's
	 * administrator.
	 */
	abstract static class AccountChange implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--login", required = true)
		String login;

		@Spec
		CommandSpec spec;

		/** Makes the change. */
		abstract void apply(ConfigurableApplicationContext context);

		/** What to say once it is made. */
		abstract String done();

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				apply(context);
			}
			this.spec.commandLine().getOut().println(done());
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

	@Command(name = "disable", description = "Disable an account: its sessions and API tokens end at once.")
	static class Disable extends AccountChange {

		@Override
		void apply(ConfigurableApplicationContext context) {
			context.getBean(Accounts.class).disable(CommandLineActor.CLI, this.login);
		}

		@Override
		String done() {
			return "Disabled " + this.login + "; its sessions and tokens ended";
		}

	}

	@Command(name = "enable", description = "Enable a disabled account again (its old tokens stay revoked).")
	static class Enable extends AccountChange {

		@Override
		void apply(ConfigurableApplicationContext context) {
			context.getBean(Accounts.class).enable(CommandLineActor.CLI, this.login);
		}

		@Override
		String done() {
			return "Enabled " + this.login;
		}

	}

	@Command(name = "role", description = "Give an account another role; it applies at its next request.")
	static class SetRole extends AccountChange {

		@Option(names = "--role", required = true, description = "admin, editor, lawyer, operator or analyst.")
		String role;

		@Override
		public Integer call() {
			role(this.role);
			return super.call();
		}

		@Override
		void apply(ConfigurableApplicationContext context) {
			context.getBean(Accounts.class).setRole(CommandLineActor.CLI, this.login, role(this.role));
		}

		@Override
		String done() {
			return this.login + " is now " + this.role;
		}

	}

	@Command(name = "reset-second-factor",
			description = "Remove an account's authenticator and recovery codes (a lost phone); they set up a new one at their next login.")
	static class ResetSecondFactor extends AccountChange {

		@Override
		void apply(ConfigurableApplicationContext context) {
			if (!context.getBean(Accounts.class).exists(this.login)) {
				throw new Failures.CommandFailure("no account '" + this.login + "'");
			}
			context.getBean(SecondFactors.class).reset(CommandLineActor.CLI, this.login);
		}

		@Override
		String done() {
			return "Reset the second factor of " + this.login;
		}

	}

	@Command(name = "list", description = "List the accounts: login, role, state, second factor.")
	static class ListUsers implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				for (Account account : context.getBean(Accounts.class).all()) {
					out.printf("%-24s %-9s %-9s %s%n", account.login(), account.role().code(),
							account.enabled() ? "enabled" : "disabled", account.secondFactor() ? "2fa" : "no 2fa");
				}
			}
			out.flush();
			return 0;
		}

	}

}
