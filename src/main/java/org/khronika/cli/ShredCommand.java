package org.khronika.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.registry.PersonId;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "shred",
		description = "Destroy a person's data key: their names, birth year, contacts and notes become "
				+ "unreadable for good, in the log and in every backup made from now on. Lists the other records that refer to "
				+ "the person, whose own text may still describe them and needs an editor's redaction.")
class ShredCommand implements Callable<Integer> {

	@Mixin
	DataDirectory data;

	@Option(names = "--person", required = true, paramLabel = "ID", description = "The person's id.")
	String person;

	@Mixin
	CommandLineActor actor;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PersonId id = RecordId.parseUuid(this.person)
			.map(PersonId::new)
			.orElseThrow(() -> new Failures.CommandFailure("'" + this.person + "' is not a person id"));
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
			Registry registry = context.getBean(Registry.class);
			Actor actor = this.actor.resolve(context.getBean(Accounts.class));
			SaveResult result = registry.shred(actor, id);
			if (result instanceof SaveResult.Refused refused) {
				throw new Failures.CommandFailure(switch (refused.refusal()) {
					case NOT_FOUND -> "there is no person " + id;
					case SHREDDED -> "person " + id + " was shredded already";
					case DENIED -> "access denied: only an admin may shred a person";
					default -> "refused: " + refused.refusal().code();
				});
			}
			out.println("shredded person " + id);
			List<RecordView> mentioning = registry.recordsMentioning(actor, id);
			if (!mentioning.isEmpty()) {
				out.println("These records refer to the person; check their own text and redact it if it names them:");
				mentioning.forEach(record -> out.println("  " + record.kind().code() + " " + record.id()));
			}
		}
		out.flush();
		return 0;
	}

}
