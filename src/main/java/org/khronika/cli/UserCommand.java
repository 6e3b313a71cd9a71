package org.khronika.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;

import org.khronika.access.Accounts;
import org.khronika.access.Role;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "user", description = "Manage staff accounts.", subcommands = UserCommand.Add.class)
class UserCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	@Command(name = "add",
			description = "Add an account. The password comes from KHRONIKA_NEW_PASSWORD, else a prompt.")
	static class Add implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--login", required = true,
				description = "Login: lower-case latin letters, digits, '.', '_', '-'.")
		String login;

		@Option(names = "--role", required = true, description = "Role: admin.")
		String role;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			Role parsed = Role.ofCode(this.role)
				.orElseThrow(() -> new Failures.CommandFailure("unknown role '" + this.role + "'; roles: admin"));
			char[] password = Secrets.fromEnvironmentOrPrompt("KHRONIKA_NEW_PASSWORD", "Password for " + this.login);
			if (password == null) {
				throw new Failures.CommandFailure("set KHRONIKA_NEW_PASSWORD or run at a console to type the password");
			}
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				context.getBean(Accounts.class).add(this.login, password, parsed, false);
			}
			finally {
				Arrays.fill(password, '\0');
			}
			this.spec.commandLine().getOut().println("Added " + this.login + " (" + parsed.code() + ")");
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

}
